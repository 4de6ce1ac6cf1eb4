import { detectInSelection } from '../indicators/detectTarget';
import type { IpClass } from '../indicators/target';

export interface SkippedAddress {
  ip: string;
  class: IpClass;
}

export interface InvalidAddress {
  input: string;
  reason: string;
}

/** What niamonx_ping_many will do with a list of addresses, decided locally before any call. */
export interface PingPlan {
  /** Unique public addresses, normalised, in the order given: one gl_ping each. */
  toPing: string[];
  /** Valid addresses NiamonX cannot reach from the internet (private, loopback, documentation, ...). */
  skipped: SkippedAddress[];
  invalid: InvalidAddress[];
  /** Entries dropped because an equal address came earlier. */
  duplicates: number;
}

/** What one address means for a ping: a public address to call, a non-public one to skip, or not an address. */
export type AddressCheck =
  { ok: true; ip: string; isPublic: true } | { ok: true; ip: string; isPublic: false; class: IpClass } | { ok: false; reason: string };

export function checkAddress(raw: string): AddressCheck {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const target = detectInSelection(text);
  if (target.kind === 'cidr') return { ok: false, reason: 'a network (CIDR), not one address' };
  const alone = /^[\s"'`([{<]*$/.test(text.slice(0, target.start)) && /^[\s"'`)\]}>,;:.!?]*$/.test(text.slice(target.end));
  if (target.inputKind !== 'ip' || !target.ip || !alone) return { ok: false, reason: 'not an IPv4 or IPv6 address' };
  if (!target.ip.isPublic) return { ok: true, ip: target.value, isPublic: false, class: target.ip.class };
  return { ok: true, ip: target.value, isPublic: true };
}

export function planPings(ips: readonly string[]): PingPlan {
  const plan: PingPlan = { toPing: [], skipped: [], invalid: [], duplicates: 0 };
  const seen = new Set<string>();
  for (const raw of ips) {
    const check = checkAddress(String(raw));
    if (!check.ok) {
      plan.invalid.push({ input: String(raw).slice(0, 100), reason: check.reason });
      continue;
    }
    if (seen.has(check.ip)) {
      plan.duplicates++;
      continue;
    }
    seen.add(check.ip);
    if (check.isPublic) plan.toPing.push(check.ip);
    else plan.skipped.push({ ip: check.ip, class: check.class });
  }
  return plan;
}
