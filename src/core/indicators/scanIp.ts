import ipaddr from 'ipaddr.js';
import { classifyParsed, REFINED_V4_RANGES } from './classifyIp';
import { parseIpv6Groups, rfc5952 } from './parseIpv6';
import { detached } from './detached';
import type { IpClassification, IpDetails, Target } from './target';
import { colonPort, followsProductName, hyphenThenLetter, isTcpdumpEndpoint, letterAt, slashSuffix, wordCharAt } from './textContext';

/** A target the scanner found but will not send, with the reason (e.g. an ambiguous address). */
export interface ProblemTarget extends Target {
  problem: string;
}

export const AMBIGUOUS_IPV4 = 'IPv4 with leading zeros is ambiguous (octal or decimal?)';

const DOT = 46;
const ZERO = 48;

/**
 * Judges a maximal run of digits and dots (`[0-9.]+`, at least 7 long) as a whole, so
 * `1.2.3.4.5`, `v1.2.3.4` or an OID never yield an address from a part. Returns a
 * ProblemTarget for an address that fails only because of leading zeros (`010.1.2.3`).
 * Works on character codes: this runs for every dotted number in a whole file.
 */
export function ipv4FromRun(text: string, runStart: number, runEnd: number): Target | ProblemTarget | undefined {
  const start = startAfterLeadingDots(text, runStart, runEnd);
  if (start < 0) return undefined;
  let end = runEnd;
  while (text.charCodeAt(end - 1) === DOT) end--;
  const trailingDots = runEnd - end;
  // A dot that ends a sentence is fine; one that leads into a name (`1.2.3.4.in-addr.arpa`) is not.
  if (trailingDots > 0 && wordCharAt(text, runEnd)) return undefined;

  const parts = readParts(text, start, end);
  let port: number | undefined;
  if (parts === 5 && isTcpdumpEndpoint(text, start, end)) {
    port = VALUES[4]!;
    if (!(port >= 1 && port <= 65_535)) return undefined;
  } else if (parts !== 4) {
    return undefined;
  }
  const octets = judgeOctets();
  if (octets === NOT_OCTETS || joinedToWord(text, start, end, trailingDots)) return undefined;

  const addressEnd = start + LENGTHS[0] + LENGTHS[1] + LENGTHS[2] + LENGTHS[3] + 3;
  const suffix = port === undefined && trailingDots === 0 ? (colonPort(text, end) ?? slashSuffix(text, end, 32, start)) : undefined;
  if (suffix) end = suffix.end;
  if (octets === AMBIGUOUS_OCTETS) {
    const value = text.slice(start, addressEnd);
    return { kind: 'ipv4', value, raw: text.slice(start, end), start, end, inputKind: 'ip', problem: AMBIGUOUS_IPV4 };
  }
  return ipv4Target(text, start, end, addressEnd, port, suffix);
}

/** Where the address of a run starts after its leading dots, or -1 when they make it part of something else. */
function startAfterLeadingDots(text: string, runStart: number, runEnd: number): number {
  if (text.charCodeAt(runStart) !== DOT) return runStart;
  // One dot: `x.1.2.3.4`, part of something longer. Two or more are punctuation (`see..1.2.3.4`, `...1.2.3.4`).
  if (text.charCodeAt(runStart + 1) !== DOT) return -1;
  let start = runStart;
  while (start < runEnd && text.charCodeAt(start) === DOT) start++;
  return start;
}

/**
 * Reads up to five dot-separated numbers of `text[start, end)` into VALUES (saturated),
 * LENGTHS (digits) and FIRSTS (first digit); their count, or 0 for more than five or an empty one.
 */
function readParts(text: string, start: number, end: number): number {
  for (let p = 0; p < 5; p++) {
    VALUES[p] = 0;
    LENGTHS[p] = 0;
  }
  let parts = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (++parts === 5) return 0;
      continue;
    }
    if (LENGTHS[parts] === 0) FIRSTS[parts] = code;
    VALUES[parts] = Math.min(VALUES[parts] * 10 + (code - ZERO), SATURATED);
    LENGTHS[parts]++;
  }
  parts++;
  for (let p = 0; p < parts; p++) if (LENGTHS[p] === 0) return 0; // `1..2.3.4`
  return parts;
}

const PLAIN_OCTETS = 0;
const AMBIGUOUS_OCTETS = 1;
const NOT_OCTETS = 2;

/** The first four parts read: octets, octets of which one has a leading zero, or not octets. */
function judgeOctets(): number {
  let verdict = PLAIN_OCTETS;
  for (let p = 0; p < 4; p++) {
    if (LENGTHS[p] > 3 || VALUES[p] > 255) return NOT_OCTETS;
    if (LENGTHS[p] > 1 && FIRSTS[p] === ZERO) verdict = AMBIGUOUS_OCTETS;
  }
  return verdict;
}

/** A letter, `%`, a word's hyphen or a product name before the address, or a letter or a word's hyphen right after it. */
function joinedToWord(text: string, start: number, end: number, trailingDots: number): boolean {
  if (
    letterAt(text, start - 1) ||
    text[start - 1] === '%' ||
    (text[start - 1] === '-' && letterAt(text, start - 2)) ||
    followsProductName(text, start)
  )
    return true;
  return trailingDots === 0 && (letterAt(text, end) || hyphenThenLetter(text, end));
}

/** The target of an address without leading zeros (its parts in VALUES), with its port or suffix. */
function ipv4Target(
  text: string,
  start: number,
  end: number,
  addressEnd: number,
  port: number | undefined,
  suffix: { end: number; port?: number; prefixLength?: number } | undefined,
): Target {
  const number = ((VALUES[0] << 24) | (VALUES[1] << 16) | (VALUES[2] << 8) | VALUES[3]) >>> 0;
  const known = knownIpv4(number);
  // Without leading zeros the text is the canonical form. (A slice may share the text's memory.)
  const value = text.slice(start, addressEnd);
  if (port === undefined && !suffix) {
    // The common case: a bare address, whose text is its canonical form and whose details can be shared.
    return { kind: 'ipv4', value, raw: value, start, end, inputKind: 'ip', ip: known.details };
  }
  const details: Partial<IpDetails> = {};
  if (port !== undefined) details.port = port;
  else if (suffix) applySuffix(details, suffix);
  return ipTargetFromKnown(
    text,
    start,
    end,
    { value, classification: known.classification, details: known.details },
    'ipv4',
    details,
    text.slice(start, end),
    number,
  );
}

/** Scratch space for ipv4FromRun (one call at a time): no allocation per dotted number. */
const VALUES = new Int32Array(5);
const LENGTHS = new Int32Array(5);
const FIRSTS = new Int32Array(5);
const SATURATED = 10_000_000;

interface KnownAddress {
  value: string;
  classification: IpClassification;
  /** Frozen, so targets without a port or prefix can share it. */
  details: IpDetails;
  /** IPv6: plausibleIpv6 without a prefix, decided once per text. */
  plausible?: boolean;
}

/**
 * Every special IPv4 range ipaddr.js and classifyIp know is a /24 or wider, except the
 * broadcast address: so one classification per /24 block serves every address in it.
 */
const IPV4_BLOCKS = new Map<number, { classification: IpClassification; details: IpDetails }>();
const BROADCAST_BLOCK = 0xffffff;
const IPV6_CACHE = new Map<string, KnownAddress | null>();
const CACHE_LIMIT = 100_000;
/** Parsing is cheap now (parseIpv6Groups): the cache only spares repeats their strings, and a big map costs more. */
const IPV6_CACHE_LIMIT = 8_192;

/** First octets no special range touches (most of them): every address there is classified alike. Built on first use. */
let plainFirstOctetsTable: ReturnType<typeof plainFirstOctets> | undefined;

function plainFirstOctets(): Array<{ classification: IpClassification; details: IpDetails } | undefined> {
  const ranges = Object.values(
    (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, Array<[ipaddr.IPv4, number]>> }).SpecialRanges,
  ).flat();
  ranges.push(...REFINED_V4_RANGES);
  return Array.from({ length: 256 }, (_, octet) => {
    const touched = ranges.some(([network, prefix]) => {
      const first = network.octets[0];
      const span = prefix >= 8 ? 0 : (1 << (8 - prefix)) - 1;
      return octet >= first && octet <= first + span;
    });
    if (touched) return undefined;
    const classification = classifyParsed(new ipaddr.IPv4([octet, 1, 2, 3]));
    return { classification, details: Object.freeze({ ...classification }) };
  });
}

function knownIpv4(number: number): { classification: IpClassification; details: IpDetails } {
  const plain = (plainFirstOctetsTable ??= plainFirstOctets())[number >>> 24];
  if (plain) return plain;
  const block = number >>> 8;
  let known = block === BROADCAST_BLOCK ? undefined : IPV4_BLOCKS.get(block);
  if (!known) {
    const classification = classifyParsed(ipaddr.fromByteArray([number >>> 24, (number >>> 16) & 255, (number >>> 8) & 255, number & 255]));
    known = { classification, details: Object.freeze({ ...classification }) };
    if (block !== BROADCAST_BLOCK) {
      if (IPV4_BLOCKS.size >= CACHE_LIMIT) IPV4_BLOCKS.clear();
      IPV4_BLOCKS.set(block, known);
    }
  }
  return known;
}

/** ipaddr.js's verdict on an IPv6 address text, parsed and classified once per distinct text. */
function knownIpv6(address: string): KnownAddress | null {
  let known = IPV6_CACHE.get(address);
  if (known === undefined) {
    known = judgeIpv6(address);
    if (IPV6_CACHE.size >= IPV6_CACHE_LIMIT) IPV6_CACHE.clear();
    IPV6_CACHE.set(detached(address), known);
  }
  return known;
}

/** What `ipaddr.IPv6.isValid` and `parse` decide, with the parser run once and no exception. */
function judgeIpv6(address: string): KnownAddress | null {
  // The usual shapes without ipaddr.js's parser (the same groups: see parseIpv6Groups).
  const parts = parseIpv6Groups(address) ?? ipaddrGroups(address);
  if (!parts) return null;
  const { classification, details } = ipv6Class(parts);
  // ::ffff:0:0/96 is what ipaddr.js calls ipv4Mapped; no earlier range in its list matches there.
  const mapped = parts[0] === 0 && parts[1] === 0 && parts[2] === 0 && parts[3] === 0 && parts[4] === 0 && parts[5] === 0xffff;
  const value = mapped ? `::ffff:${parts[6] >> 8}.${parts[6] & 255}.${parts[7] >> 8}.${parts[7] & 255}` : rfc5952(parts);
  return { value, classification, details, plausible: plausibleIpv6(address, false) };
}

function ipaddrGroups(address: string): number[] | undefined {
  const parsed = (ipaddr.IPv6 as unknown as { parser(text: string): { parts: number[] } | null }).parser(address);
  if (!parsed || parsed.parts.length !== 8 || !parsed.parts.every((part) => part >= 0 && part <= 0xffff)) return undefined;
  return parsed.parts;
}

/**
 * IPv6 classes are the same across each /32 (first two groups), except in the few /32s
 * that hold a longer special prefix (::/128, ::ffff:0:0/96, 64:ff9b::/96, 100::/64, …).
 */
const IPV6_BLOCKS: Array<Map<number, { classification: IpClassification; details: IpDetails }> | undefined> = [];
let fineIpv6BlocksSet: Set<number> | undefined;

function fineIpv6Blocks(): Set<number> {
  const fine = new Set<number>();
  for (const entry of Object.values((ipaddr.IPv6.prototype as unknown as { SpecialRanges: Record<string, unknown> }).SpecialRanges)) {
    const ranges = (Array.isArray((entry as unknown[])[0]) ? entry : [entry]) as Array<[ipaddr.IPv6, number]>;
    for (const [network, prefix] of ranges) if (prefix > 32) fine.add(network.parts[0] * 65_536 + network.parts[1]);
  }
  return fine;
}

function ipv6Class(parts: number[]): { classification: IpClassification; details: IpDetails } {
  const [high, low] = parts as [number, number];
  if ((fineIpv6BlocksSet ??= fineIpv6Blocks()).has(high * 65_536 + low)) {
    const classification = classifyParsed(new ipaddr.IPv6(parts));
    return { classification, details: Object.freeze({ ...classification }) };
  }
  const blocks = (IPV6_BLOCKS[high] ??= new Map<number, { classification: IpClassification; details: IpDetails }>());
  let known = blocks.get(low);
  if (!known) {
    const classification = classifyParsed(new ipaddr.IPv6(parts));
    known = { classification, details: Object.freeze({ ...classification }) };
    blocks.set(low, known);
  }
  return known;
}

/**
 * Judges a maximal run of hex digits, colons and dots (with `::` or at least six colons:
 * nothing shorter can be an IPv6 address), trimmed of what belongs to neighbouring words
 * (`outside:`, a sentence's full stop), then validated by ipaddr.js.
 */
export function ipv6FromRun(text: string, runStart: number, runEnd: number): Target | undefined {
  let start = runStart;
  let end = runEnd;
  // `outside:2001:db8::1`: the run began inside a word, so its first group belongs to that word.
  if (letterAt(text, start - 1)) {
    start = text.indexOf(':', start) + 1;
    if (text[start] === ':') return undefined; // `std::`, `Foo::bar`: a scope operator
  }
  while (text[start] === '.') start++;
  if (text[start] === ':' && text[start + 1] !== ':') start++; // `ip :2001:…` separator
  while (end > start && text[end - 1] === '.') end--;
  if (text[end - 1] === ':' && text[end - 2] !== ':') end--; // `2001:db8::1: connection refused`

  let address = text.slice(start, end);
  const details: Partial<IpDetails> = {};
  let known = address.includes(':') ? knownIpv6(address) : null;
  if (!known && isTcpdumpEndpoint(text, start, end)) {
    const dot = address.lastIndexOf('.');
    const port = Number(address.slice(dot + 1));
    if (dot < 0 || !(port >= 1 && port <= 65_535)) return undefined;
    address = address.slice(0, dot);
    details.port = port;
    known = address.includes(':') ? knownIpv6(address) : null;
  }
  if (!known) return undefined;

  let suffixEnd = end;
  if (text[suffixEnd] === '%' && end === runEnd) {
    const zone = /^%([0-9A-Za-z_.-]*[0-9A-Za-z_])/.exec(text.slice(suffixEnd, suffixEnd + 64));
    if (zone) {
      details.zone = zone[1];
      suffixEnd += zone[0].length;
    }
  }
  const bracketed = text[start - 1] === '[' && text[suffixEnd] === ']';
  if (bracketed) {
    suffixEnd += 1;
    const port = details.port === undefined ? colonPort(text, suffixEnd) : undefined;
    if (port) {
      details.port = port.port;
      suffixEnd = port.end;
    }
  } else if (suffixEnd === runEnd && details.port === undefined) {
    const suffix = slashSuffix(text, suffixEnd, 128, start);
    if (suffix) suffixEnd = applySuffix(details, suffix);
  }
  if (letterAt(text, suffixEnd) || hyphenThenLetter(text, suffixEnd)) return undefined;
  if (known.plausible === false && details.prefixLength === undefined) return undefined;
  return ipTargetFromKnown(text, bracketed ? start - 1 : start, suffixEnd, known, 'ipv6', details);
}

/**
 * ipaddr.js accepts `a::b` and `::`, which also occur in code and prose; an address needs
 * two groups, an embedded IPv4 or a prefix, except the loopback `::1` that logs are full of.
 */
function plausibleIpv6(address: string, hasPrefix: boolean): boolean {
  return hasPrefix || address.includes('.') || address === '::1' || writtenGroups(address) >= 2;
}

/** How many groups are written (runs of non-colons), as `address.split(/:+/).filter(Boolean).length`. */
function writtenGroups(address: string): number {
  let groups = 0;
  for (let i = 0; i < address.length; i++) if (address.charCodeAt(i) !== 58 && (i === 0 || address.charCodeAt(i - 1) === 58)) groups++;
  return groups;
}

function ipTargetFromKnown(
  text: string,
  start: number,
  end: number,
  known: KnownAddress,
  version: 'ipv4' | 'ipv6',
  extra: Partial<IpDetails>,
  raw = text.slice(start, end),
  number = 0,
): Target {
  const { classification, value } = known;
  if (extra.port === undefined && extra.prefixLength === undefined && extra.zone === undefined) {
    return { kind: version, value, raw, start, end, inputKind: 'ip', ip: known.details };
  }
  const ip: IpDetails = { version: classification.version, class: classification.class, isPublic: classification.isPublic };
  if (extra.port !== undefined) ip.port = extra.port;
  if (extra.zone !== undefined) ip.zone = extra.zone;
  let kind: Target['kind'] = version;
  if (extra.prefixLength !== undefined) {
    ip.prefixLength = extra.prefixLength;
    // Only a real network (no host bits) is a CIDR; `192.168.1.10/24` is a host with its prefix.
    const isNetwork =
      version === 'ipv4'
        ? hostBitsOfIpv4(number, extra.prefixLength) === 0
        : networkAddress(ipaddr.parse(value), extra.prefixLength, 128) === value;
    if (isNetwork) {
      kind = 'cidr';
      ip.network = value;
    }
  }
  return { kind, value, raw, start, end, inputKind: 'ip', ip };
}

function hostBitsOfIpv4(number: number, prefixLength: number): number {
  return prefixLength >= 32 ? 0 : (number & (0xffffffff >>> prefixLength)) >>> 0;
}

/** RFC 5952 text; an IPv4-mapped address keeps its dotted tail, as RFC 5952 §5 recommends. */
function canonical(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  return v6.isIPv4MappedAddress() ? `::ffff:${v6.toIPv4Address().toString()}` : v6.toRFC5952String();
}

function networkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefixLength: number, bits: number): string {
  const bytes = address.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefixLength - i * 8));
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  return canonical(ipaddr.fromByteArray(bytes.slice(0, bits / 8)));
}

/** Records a `:port` or `/n` suffix on the details; returns where the target now ends. */
function applySuffix(details: Partial<IpDetails>, suffix: { end: number; port?: number; prefixLength?: number }): number {
  if (suffix.port !== undefined) details.port = suffix.port;
  if (suffix.prefixLength !== undefined) details.prefixLength = suffix.prefixLength;
  return suffix.end;
}
