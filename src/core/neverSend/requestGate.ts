import { findTargets } from '../indicators/detectTarget';
import { neverSendMatch, neverSendMatchOfText, type NeverSendMatch, type NeverSendPolicy } from './neverSendCheck';

/**
 * The never-send gate of one request: every string in the body is judged whole (an address,
 * an email, a host name or an exact value), and every address, email and domain found inside
 * it too (a free-text query can hold one). The body was checked for depth and cycles before.
 * Linear in the body's size.
 */
export function neverSendMatchOfBody(body: unknown, policy: NeverSendPolicy): NeverSendMatch | undefined {
  const strings: string[] = [];
  collectStrings(body, strings, 0);
  for (const text of strings) {
    const whole = neverSendMatchOfText(text, policy);
    if (whole) return whole;
  }
  for (const text of strings) {
    if (!/[.:@]/.test(text)) continue; // no address, email or domain can be in it
    for (const target of findTargets(text)) {
      const inside = neverSendMatch(target, policy);
      if (inside) return inside;
    }
  }
  return undefined;
}

function collectStrings(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') into.push(value);
  else if (depth > 64 || value === null || typeof value !== 'object') return;
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into, depth + 1);
  else for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
}
