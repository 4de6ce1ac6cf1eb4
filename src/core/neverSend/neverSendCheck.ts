import ipaddr from 'ipaddr.js';
import type { InputKind } from '../catalog/toolDefinition';
import { classifyParsed } from '../indicators/classifyIp';
import { ipClassText } from '../indicators/ipClassText';
import type { IpClass } from '../indicators/target';
import { domainOf, EMPTY_NEVER_SEND_LIST, parseAddress, v4Number, type NeverSendList } from './neverSendList';
import { followedBy, renderText, t, type LocalText } from '../localText';

/**
 * What the gate checks against: the user's list (with what workspaces added) and, always,
 * the addresses and names that are not public. An outside lookup of an internal address or
 * host name is itself a leak: it tells the service (and anyone who sees its logs) what the
 * network inside looks like.
 */
export interface NeverSendPolicy {
  list: NeverSendList;
  /**
   * Lets the ranges set aside for examples and tests through: documentation (RFC 5737, RFC 3849:
   * 192.0.2.0/24, 2001:db8::/32, …) and benchmarking (RFC 2544: 198.18.0.0/15). Only ever true
   * when the extension runs from source against an API on this computer (the emulator): the
   * project's fixtures use those ranges because they belong to no one. An installed extension
   * never sets it.
   */
  allowTestRanges?: boolean;
}

export const IMPLICIT_ONLY: NeverSendPolicy = { list: EMPTY_NEVER_SEND_LIST };

/** Why a value must not be sent. */
export interface NeverSendMatch {
  /** The value that matched (as it would have been sent). */
  value: string;
  /** The user's entry that covers it, when it is on the written list. */
  entry?: string;
  /** For an address that is not public: its class (private, loopback, …). */
  ipClass?: IpClass;
  /** A name that is not public (localhost, *.internal, …). */
  specialName?: string;
}

/**
 * Host names that only mean something inside a network (RFC 6761 localhost, RFC 6762 .local,
 * RFC 8375 home.arpa, ICANN's .internal) and two endings routers commonly hand out.
 */
const SPECIAL_USE_NAMES: ReadonlySet<string> = new Set(['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan']);

/** A target as the scanners find it (kind and value are enough; `ip` spares a second parse). */
export interface CheckedTarget {
  value: string;
  inputKind: InputKind;
  kind?: string;
  ip?: { class: IpClass; isPublic: boolean; network?: string };
}

/** The reason `target` must not be sent, or undefined. Linear in the value's length (plus the ranges on the list). */
export function neverSendMatch(target: CheckedTarget, policy: NeverSendPolicy): NeverSendMatch | undefined {
  const { list } = policy;
  const value = target.value;
  const lower = value.toLowerCase();
  const exact = list.exact.get(lower);
  if (exact !== undefined) return { value, entry: exact };
  if (target.inputKind === 'ip') return addressMatch(target.ip?.network ?? value, target.ip, policy);
  if (target.inputKind === 'email') {
    const at = lower.lastIndexOf('@');
    return at < 0 ? undefined : nameMatch(value, lower.slice(at + 1), list, true);
  }
  if (target.inputKind === 'domain') return nameMatch(value, lower, list, false);
  return undefined;
}

/**
 * The reason a free string must not be sent (a value of a request body): judged as an
 * address, an email or a host name when it is one, else only as an exact value.
 */
export function neverSendMatchOfText(text: string, policy: NeverSendPolicy): NeverSendMatch | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const lower = value.toLowerCase();
  const exact = policy.list.exact.get(lower);
  if (exact !== undefined) return { value, entry: exact };
  if (isAddressLike(value)) {
    const address = value.includes('/') ? value.slice(0, value.indexOf('/')) : value;
    if (parseAddress(address)) return addressMatch(address, undefined, policy);
  }
  const at = lower.lastIndexOf('@');
  if (at > 0) {
    const domain = domainOf(lower.slice(at + 1));
    return domain ? nameMatch(value, domain, policy.list, true) : undefined;
  }
  const domain = domainOf(lower);
  return domain ? nameMatch(value, domain, policy.list, false) : undefined;
}

/** Characters an address (with a prefix, brackets or a zone) is made of; anything else is not one. */
function isAddressLike(text: string): boolean {
  return /^[0-9A-Fa-f:.[\]/%]+$/.test(text) && text.length <= 64;
}

function addressMatch(text: string, known: CheckedTarget['ip'], policy: NeverSendPolicy): NeverSendMatch | undefined {
  const list = policy.list;
  // Most of what bulk runs check: a dotted quad, judged without building an address object.
  const number = known ? dottedQuadNumber(text) : -1;
  if (number >= 0) {
    if (!known!.isPublic && !(policy.allowTestRanges && isTestRange(known!.class))) return { value: text, ipClass: known!.class };
    const entry = v4Entry(list, number);
    return entry === undefined ? undefined : { value: text, entry };
  }
  const address = parseAddress(text);
  if (!address) return undefined;
  const classification = known ?? classifyParsed(address);
  if (!classification.isPublic && !(policy.allowTestRanges && isTestRange(classification.class))) {
    return { value: text, ipClass: classification.class };
  }
  if (address.kind() === 'ipv4') {
    const entry = v4Entry(list, v4Number(address as ipaddr.IPv4));
    return entry === undefined ? undefined : { value: text, entry };
  }
  for (const [range, bits, entry] of list.v6) if ((address as ipaddr.IPv6).match(range, bits)) return { value: text, entry };
  return undefined;
}

const isTestRange = (ipClass: IpClass) => ipClass === 'documentation' || ipClass === 'benchmarking';

/** The entry whose range holds `number` (the ranges are sorted and disjoint: a binary search). */
function v4Entry(list: NeverSendList, number: number): string | undefined {
  const ranges = list.v4;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const [first, last, entry] = ranges[mid];
    if (number < first) high = mid - 1;
    else if (number > last) low = mid + 1;
    else return entry;
  }
  return undefined;
}

/** A canonical dotted quad (`1.2.3.4`, no leading zeros) as a number, else -1. */
function dottedQuadNumber(text: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && part === 0) return -1; // a leading zero
      part = part * 10 + (code - 48);
      if (++digits > 3 || part > 255) return -1;
    } else {
      return -1;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + part : -1;
}

/** The name and each of its parent domains (`a.b.corp.example`, `b.corp.example`, `corp.example`, `example`). */
function nameMatch(value: string, name: string, list: NeverSendList, isEmail: boolean): NeverSendMatch | undefined {
  let suffix = name.endsWith('.') ? name.slice(0, -1) : name;
  for (;;) {
    const entry = list.domains.get(suffix) ?? (isEmail ? list.emailDomains.get(suffix) : undefined);
    if (entry !== undefined) return { value, entry };
    if (SPECIAL_USE_NAMES.has(suffix)) return { value, specialName: suffix };
    const dot = suffix.indexOf('.');
    if (dot < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}

/** The short reason a bulk summary shows next to a skipped target. */
export function skipReasonOf(match: NeverSendMatch): string {
  if (match.entry !== undefined) return `on your never-send list (${match.entry})`;
  if (match.ipClass) return `on your never-send list (${match.ipClass} address)`;
  return `on your never-send list (${match.specialName} is not a public name)`;
}

/** The whole reason for one refused run: what, why, and the ways out. */
export function refusalMessage(match: NeverSendMatch): string {
  return renderText(refusalText(match));
}

/** The refusal as a text to show in the user's language. */
export function refusalText(match: NeverSendMatch): LocalText {
  const value = clip(match.value);
  const why =
    match.entry !== undefined
      ? t('{0} is on your never-send list (entry “{1}”).', value, match.entry)
      : match.ipClass
        ? t(
            '{0} is a {1} address, on your never-send list implicitly: an outside lookup would tell others about your network.',
            value,
            ipClassText(match.ipClass, t),
          )
        : t(
            '{0} is an internal name (.{1}), on your never-send list implicitly: an outside lookup would tell others about your network.',
            value,
            match.specialName ?? '',
          );
  return followedBy(
    why,
    t(
      ' Nothing was sent. To send it once anyway, use “NiamonX: Send Despite Never-Send List…”; the list is the setting niamonx.neverSend.',
    ),
  );
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
