import ipaddr from 'ipaddr.js';
import { classifyParsed } from './classifyIp';
import type { IpDetails, Target } from './target';
import { colonPort, followsProductName, hyphenThenLetter, isLetter, isTcpdumpEndpoint, isWordChar, slashSuffix } from './textContext';

/**
 * Finds IPv4 addresses: maximal runs of digits and dots are cut out of the text and then
 * judged as a whole, so `1.2.3.4.5`, `v1.2.3.4` or an OID never yield an address from a part.
 */
export function scanIpv4(text: string): Target[] {
  const found: Target[] = [];
  for (const run of text.matchAll(/[0-9.]+/g)) {
    if (run[0].length < 7) continue; // shorter than "1.2.3.4": a plain number
    const target = ipv4FromRun(text, run.index, run.index + run[0].length);
    if (target) found.push(target);
  }
  return found;
}

function ipv4FromRun(text: string, runStart: number, runEnd: number): Target | undefined {
  let run = text.slice(runStart, runEnd);
  if (run.startsWith('.')) return undefined; // `x.1.2.3.4`, `…1.2.3.4`: part of something longer
  const trailingDots = run.length - run.replace(/\.+$/, '').length;
  run = run.slice(0, run.length - trailingDots);
  // A dot that ends a sentence is fine; one that leads into a name (`1.2.3.4.in-addr.arpa`) is not.
  if (trailingDots > 0 && isWordChar(text[runEnd])) return undefined;

  const parts = run.split('.');
  let end = runStart + run.length;
  let port: number | undefined;
  if (parts.length === 5 && isTcpdumpEndpoint(text, runStart, end)) {
    port = Number(parts.pop());
    if (!(port >= 1 && port <= 65_535)) return undefined;
  } else if (parts.length !== 4) {
    return undefined;
  }
  const address = parts.join('.');
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;

  const before = text[runStart - 1];
  if (isLetter(before) || before === '%' || (before === '-' && isLetter(text[runStart - 2])) || followsProductName(text, runStart)) return undefined;
  if (trailingDots === 0 && (isLetter(text[end]) || hyphenThenLetter(text, end))) return undefined;

  const details: Partial<IpDetails> = {};
  if (port !== undefined) {
    details.port = port;
  } else if (trailingDots === 0) {
    const suffix = colonPort(text, end) ?? slashSuffix(text, end, 32, runStart);
    if (suffix) end = applySuffix(details, suffix);
  }
  return ipTarget(text, runStart, end, ipaddr.IPv4.parse(address), details);
}

/**
 * Finds IPv6 addresses: maximal runs of hex digits, colons and dots, trimmed of what belongs
 * to neighbouring words (`outside:`, a sentence's full stop), then validated by ipaddr.js.
 */
export function scanIpv6(text: string): Target[] {
  const found: Target[] = [];
  for (const run of text.matchAll(/[0-9A-Fa-f:.]+/g)) {
    if (run[0].indexOf(':') === run[0].lastIndexOf(':')) continue; // fewer than two colons
    const target = ipv6FromRun(text, run.index, run.index + run[0].length);
    if (target) found.push(target);
  }
  return found;
}

function ipv6FromRun(text: string, runStart: number, runEnd: number): Target | undefined {
  let start = runStart;
  let end = runEnd;
  // `outside:2001:db8::1`: the run began inside a word, so its first group belongs to that word.
  if (isLetter(text[start - 1])) {
    start = text.indexOf(':', start) + 1;
    if (text[start] === ':') return undefined; // `std::`, `Foo::bar`: a scope operator
  }
  while (text[start] === '.') start++;
  if (text[start] === ':' && text[start + 1] !== ':') start++; // `ip :2001:…` separator
  while (end > start && text[end - 1] === '.') end--;
  if (text[end - 1] === ':' && text[end - 2] !== ':') end--; // `2001:db8::1: connection refused`

  let address = text.slice(start, end);
  const details: Partial<IpDetails> = {};
  if (!ipaddr.IPv6.isValid(address) && isTcpdumpEndpoint(text, start, end)) {
    const dot = address.lastIndexOf('.');
    const port = Number(address.slice(dot + 1));
    if (dot < 0 || !(port >= 1 && port <= 65_535)) return undefined;
    address = address.slice(0, dot);
    details.port = port;
  }
  if (!ipaddr.IPv6.isValid(address) || address.includes('%')) return undefined;

  let suffixEnd = end;
  const zone = /^%([0-9A-Za-z_.-]*[0-9A-Za-z_])/.exec(text.slice(suffixEnd, suffixEnd + 64));
  if (zone && end === runEnd) {
    details.zone = zone[1];
    suffixEnd += zone[0].length;
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
  if (isLetter(text[suffixEnd]) || hyphenThenLetter(text, suffixEnd)) return undefined;
  if (!plausibleIpv6(address, details.prefixLength !== undefined)) return undefined;
  return ipTarget(text, bracketed ? start - 1 : start, suffixEnd, ipaddr.IPv6.parse(address), details);
}

/**
 * ipaddr.js accepts `a::b` and `::`, which also occur in code and prose; an address needs
 * two groups, an embedded IPv4 or a prefix, except the loopback `::1` that logs are full of.
 */
function plausibleIpv6(address: string, hasPrefix: boolean): boolean {
  const groups = address.split(/:+/).filter(Boolean).length;
  return groups >= 2 || hasPrefix || address.includes('.') || address === '::1';
}

function ipTarget(text: string, start: number, end: number, address: ipaddr.IPv4 | ipaddr.IPv6, extra: Partial<IpDetails>): Target {
  const classification = classifyParsed(address);
  const ip: IpDetails = { ...classification, ...extra };
  const value = canonical(address);
  let kind: Target['kind'] = address.kind();
  if (ip.prefixLength !== undefined) {
    const bits = address.kind() === 'ipv4' ? 32 : 128;
    const network = networkAddress(address, ip.prefixLength, bits);
    // Only a real network (no host bits) is a CIDR; `192.168.1.10/24` is a host with its prefix.
    if (network === value) {
      kind = 'cidr';
      ip.network = network;
    }
  }
  return { kind, value, raw: text.slice(start, end), start, end, inputKind: 'ip', ip };
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
