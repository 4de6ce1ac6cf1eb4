import { dottedQuad } from './dottedQuad';

/**
 * The eight 16-bit groups of an IPv6 address written in the usual shapes, parsed without
 * ipaddr.js (whose regular-expression parser is most of the cost of judging an address in a
 * whole file): hex groups of 1–4 digits separated by ":", at most one "::", optionally ending
 * in a dotted IPv4 address. For these shapes ipaddr.js gives the same groups; for every other
 * text this returns undefined and the caller asks ipaddr.js, so nothing is decided differently.
 */
export function parseIpv6Groups(address: string): number[] | undefined {
  const lastColon = address.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  const dot = address.indexOf('.', lastColon);
  if (dot < 0) return hexGroups(address, 0, address.length, 8);
  // `::1.2.3.4` is ipaddr.js's deprecated transitional form (read as ::ffff:1.2.3.4): leave it to it.
  if (lastColon === 1) return undefined;
  // The groups before the IPv4 end with ":" (dropped) or "::" (kept).
  const prefixEnd = address.charCodeAt(lastColon - 1) === 58 ? lastColon + 1 : lastColon;
  const groups = hexGroups(address, 0, prefixEnd, 6);
  const ipv4 = groups && dottedQuad(address, lastColon + 1);
  if (ipv4 === undefined || groups === undefined) return undefined;
  groups.push(ipv4 >>> 16, ipv4 & 0xffff);
  return groups;
}

/**
 * `count` groups from `address[from, to)`: hex groups of 1–4 digits joined by single colons,
 * with at most one "::" standing for at least one zero group. undefined for anything else.
 */
function hexGroups(address: string, from: number, to: number, count: number): number[] | undefined {
  const left: number[] = [];
  const right: number[] = [];
  let groups = left;
  let i = from;
  if (address.charCodeAt(i) === 58) {
    // Only "::" may start the address.
    if (address.charCodeAt(i + 1) !== 58) return undefined;
    groups = right;
    i += 2;
  }
  while (i < to) {
    let value = 0;
    let digits = 0;
    for (; i < to; i++) {
      const hex = hexValue(address.charCodeAt(i));
      if (hex < 0) break;
      value = value * 16 + hex;
      if (++digits > 4) return undefined;
    }
    if (digits === 0) return undefined;
    groups.push(value);
    if (i === to) break;
    if (address.charCodeAt(i) !== 58) return undefined;
    i++;
    if (address.charCodeAt(i) === 58) {
      if (groups === right) return undefined; // a second "::"
      groups = right;
      i++;
      if (i === to) break; // "::" at the end
    } else if (i === to) {
      return undefined; // a single ":" at the end
    }
  }
  const compressed = groups === right;
  const written = left.length + right.length;
  if (compressed ? written > count - 1 : written !== count) return undefined;
  const zeros = count - written;
  for (let z = 0; z < zeros; z++) left.push(0);
  for (const value of right) left.push(value);
  return left;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** RFC 5952 text of eight groups: lower-case hex, the longest run of two or more zero groups (leftmost on a tie) as "::". */
export function rfc5952(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.map((group) => group.toString(16)).join(':');
  const head = groups
    .slice(0, bestStart)
    .map((group) => group.toString(16))
    .join(':');
  const tail = groups
    .slice(bestStart + bestLength)
    .map((group) => group.toString(16))
    .join(':');
  return `${head}::${tail}`;
}
