import ipaddr from 'ipaddr.js';
import type { IpClass, IpClassification } from './target';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Ranges ipaddr.js files under "reserved" that deserve their own name (RFC 5737, 2544, 3849, 9637). */
const REFINED_V4: Record<string, [ipaddr.IPv4, number][]> = {
  documentation: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map((cidr) => ipaddr.IPv4.parseCIDR(cidr)),
  benchmarking: [ipaddr.IPv4.parseCIDR('198.18.0.0/15')],
};
/** The same ranges as one list, for callers that need to know which addresses they touch. */
export const REFINED_V4_RANGES: Array<[ipaddr.IPv4, number]> = Object.values(REFINED_V4).flat();
const REFINED_V6: Record<string, [ipaddr.IPv6, number][]> = {
  documentation: ['2001:db8::/32', '3fff::/20'].map((cidr) => ipaddr.IPv6.parseCIDR(cidr)),
};
const NOT_REFINED = 'none';

const V4_NAMES: Record<string, IpClass> = {
  unicast: 'public',
  // AS112 and AMT relays are anycast services on the public internet.
  as112: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade-nat',
  private: 'private',
  benchmarking: 'benchmarking',
};

const V6_NAMES: Record<string, IpClass> = {
  unicast: 'public',
  amt: 'public',
  as112v6: 'public',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'ipv4-mapped',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard',
  rfc6145: 'ipv4-translated',
  rfc6052: 'ipv4-translated',
  '6to4': '6to4',
  teredo: 'teredo',
  benchmarking: 'benchmarking',
};

const PUBLIC_CLASSES: ReadonlySet<IpClass> = new Set(['public', '6to4', 'teredo']);
/** Global unicast IPv6 lives in 2000::/3; "unicast" outside it is unassigned space. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Classifies an address (an IPv6 zone id is allowed); undefined when it is not one. */
export function classifyIp(address: string): IpClassification | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  return classifyParsed(parsed);
}

export function classifyParsed(address: Address): IpClassification {
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    const cls = refined(ipaddr.subnetMatch(v4, REFINED_V4, NOT_REFINED)) ?? V4_NAMES[v4.range()] ?? 'reserved';
    return { version: 4, class: cls, isPublic: PUBLIC_CLASSES.has(cls) };
  }
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) {
    return { version: 6, class: 'ipv4-mapped', isPublic: classifyParsed(v6.toIPv4Address()).isPublic };
  }
  const range = v6.range();
  let cls = refined(ipaddr.subnetMatch(v6, REFINED_V6, NOT_REFINED)) ?? V6_NAMES[range] ?? 'reserved';
  if (range === 'unicast' && !v6.match(GLOBAL_UNICAST_V6)) cls = 'reserved';
  return { version: 6, class: cls, isPublic: PUBLIC_CLASSES.has(cls) };
}

function refined(match: string): IpClass | undefined {
  return match === NOT_REFINED ? undefined : (match as IpClass);
}
