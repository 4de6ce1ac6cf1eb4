import ipaddr from 'ipaddr.js';
import * as z from 'zod/mini';
import { findEdits, RefangedText } from '../indicators/defang';
import { lazy } from '../lazy';

/** One `niamonx.neverSend` entry that cannot be used, with the reason (shown in the output log). */
export interface InvalidNeverSendEntry {
  entry: string;
  reason: string;
}

/**
 * The user's never-send list, parsed once per change of the setting: CIDR ranges (an address
 * alone is its own /32 or /128), domains (each covers its subdomains and the email addresses
 * at them), email domains (`@corp.example`: only the addresses there) and exact values (any
 * other text, compared without case: a user name, a phone number, one email address).
 */
export interface NeverSendList {
  /**
   * IPv4 ranges as [first, last, entry] (unsigned 32-bit numbers), sorted by first and without
   * overlaps (a range inside another is dropped; the wider entry is named): a binary search each.
   */
  readonly v4: ReadonlyArray<readonly [number, number, string]>;
  readonly v6: ReadonlyArray<readonly [ipaddr.IPv6, number, string]>;
  readonly domains: ReadonlyMap<string, string>;
  readonly emailDomains: ReadonlyMap<string, string>;
  readonly exact: ReadonlyMap<string, string>;
  readonly invalid: readonly InvalidNeverSendEntry[];
  /** Entries in the list, valid ones only. */
  readonly size: number;
}

/** Longer than any address, domain (253) or email (64 + 1 + 253) by far. */
const MAX_ENTRY_CHARS = 512;
/** A list this long is a mistake (a pasted log); the rest is ignored, said in `invalid`. */
export const MAX_ENTRIES = 10_000;

const LABEL = /^(?:_?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})$/;

/** The setting's shape: anything else (a string, an object) is an empty list plus one invalid note. */
const entriesSchema = lazy(() => z.array(z.unknown()));

export const EMPTY_NEVER_SEND_LIST: NeverSendList = parseNeverSendList([]);

/** Parses the setting's value (validated here: a hand-edited settings.json can hold anything). */
export function parseNeverSendList(raw: unknown): NeverSendList {
  const v4: Array<readonly [number, number, string]> = [];
  const v6: Array<readonly [ipaddr.IPv6, number, string]> = [];
  const domains = new Map<string, string>();
  const emailDomains = new Map<string, string>();
  const exact = new Map<string, string>();
  const invalid: InvalidNeverSendEntry[] = [];
  let size = 0;
  const parsed = entriesSchema().safeParse(raw ?? []);
  if (!parsed.success) {
    invalid.push({ entry: String(JSON.stringify(raw)).slice(0, 80), reason: 'the setting must be a list of strings' });
  }
  const entries = parsed.success ? parsed.data : [];
  for (let index = 0; index < entries.length; index++) {
    const item = entries[index];
    if (index >= MAX_ENTRIES) {
      invalid.push({ entry: `#${index + 1}…`, reason: `only the first ${MAX_ENTRIES} entries are used` });
      break;
    }
    if (typeof item !== 'string') {
      invalid.push({ entry: String(JSON.stringify(item)).slice(0, 80), reason: 'not a string' });
      continue;
    }
    const entry = refanged(item.trim());
    if (!entry) continue;
    if (entry.length > MAX_ENTRY_CHARS) {
      invalid.push({ entry: `${entry.slice(0, 60)}…`, reason: `longer than ${MAX_ENTRY_CHARS} characters` });
      continue;
    }
    size++;
    const lower = entry.toLowerCase();
    if (entry.includes('/')) {
      const range = parseRange(entry);
      if (!range) {
        size--;
        invalid.push({ entry, reason: 'not a CIDR range (e.g. 10.20.0.0/16 or fd00::/8)' });
      } else if (range[0].kind() === 'ipv4') {
        v4.push([...v4Bounds(range[0] as ipaddr.IPv4, range[1]), entry]);
      } else {
        v6.push([range[0] as ipaddr.IPv6, range[1], entry]);
      }
      continue;
    }
    const address = parseAddress(entry);
    if (address) {
      if (address.kind() === 'ipv4') v4.push([...v4Bounds(address as ipaddr.IPv4, 32), entry]);
      else v6.push([address as ipaddr.IPv6, 128, entry]);
      continue;
    }
    if (lower.startsWith('@')) {
      const domain = domainOf(lower.slice(1));
      if (domain) emailDomains.set(domain, entry);
      else {
        size--;
        invalid.push({ entry, reason: 'not an email domain (e.g. @corp.example)' });
      }
      continue;
    }
    const domain = domainOf(lower.startsWith('*.') ? lower.slice(2) : lower);
    if (domain && domain.includes('.')) domains.set(domain, entry);
    // Everything (a domain too, or a single-label host name) is also an exact value.
    exact.set(lower, entry);
  }
  return { v4: disjoint(v4), v6, domains, emailDomains, exact, invalid, size };
}

/** Sorted, and each range inside an earlier one dropped; partly overlapping ones are cut to start after it. */
function disjoint(ranges: Array<readonly [number, number, string]>): Array<readonly [number, number, string]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: Array<readonly [number, number, string]> = [];
  for (const [first, last, entry] of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && last <= previous[1]) continue;
    kept.push(previous && first <= previous[1] ? [previous[1] + 1, last, entry] : [first, last, entry]);
  }
  return kept;
}

/** The entries as written, with `corp[.]example` style defanging undone (analysts paste them so). */
function refanged(entry: string): string {
  const edits = findEdits(entry);
  return edits.length ? new RefangedText(entry, 0, entry.length, edits).text.trim() : entry;
}

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  try {
    const [address, bits] = ipaddr.parseCIDR(entry);
    if (address.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(entry.split('/')[0])) return undefined;
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
    }
    return [address, bits];
  } catch {
    return undefined;
  }
}

/** An address (IPv4 in four-part decimal only; an IPv4-mapped IPv6 as its IPv4), or undefined. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return ipaddr.IPv4.isValidFourPartDecimal(bare) ? address : undefined;
  const v6 = address as ipaddr.IPv6;
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** A lower-case host name (labels of letters, digits, hyphens; trailing dot dropped), or undefined. */
export function domainOf(text: string): string | undefined {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (!name || name.length > 253) return undefined;
  const labels = name.split('.');
  return labels.every((label) => LABEL.test(label)) ? name : undefined;
}

function v4Bounds(address: ipaddr.IPv4, bits: number): [number, number] {
  const value = v4Number(address);
  const size = 2 ** (32 - bits);
  const first = value - (value % size);
  return [first, first + size - 1];
}

export function v4Number(address: ipaddr.IPv4): number {
  const [a, b, c, d] = address.octets;
  return ((a * 256 + b) * 256 + c) * 256 + d;
}
