import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { SeededRandom } from './seededRandom';
import { defineTool } from './toolTypes';

const IP_MESSAGE = 'ip must be a valid IPv4 or IPv6 address';

/** Documentation ranges (RFC 5737 / RFC 3849) never answer: they model an unreachable host. */
const UNREACHABLE_RANGES = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32'].map((cidr) => ipaddr.parseCIDR(cidr));

const LOCATIONS = [
  { country: 'Netherlands', city: 'Amsterdam' },
  { country: 'Germany', city: 'Frankfurt' },
  { country: 'United States', city: 'Ashburn' },
  { country: 'Singapore', city: 'Singapore' },
  { country: 'France', city: 'Paris' },
  { country: 'Japan', city: 'Tokyo' },
] as const;

function isUnreachable(ip: string): boolean {
  const address = ipaddr.process(ip);
  return UNREACHABLE_RANGES.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export const glPing = defineTool(
  z.object({ ip: z.string({ error: IP_MESSAGE }).refine((ip) => isIP(ip) !== 0, { error: IP_MESSAGE }) }),
  ({ ip }, { now }) => {
    const random = new SeededRandom(ip);
    const location = random.pick(LOCATIONS);
    const checked_at = new Date(now).toISOString();
    if (isUnreachable(ip)) {
      const probes = [1, 2, 3, 4].map((seq) => ({ seq, ttl: null, rtt_ms: null }));
      return { ip, alive: false, host: ip, probes, rtt: { min: null, avg: null, max: null }, packet_loss: 100, location, checked_at };
    }
    const ttl = random.pick([52, 56, 57, 117, 118, 244]);
    const base = 5 + random.next() * 80;
    const probes = [1, 2, 3, 4].map((seq) => ({ seq, ttl, rtt_ms: round2(base + random.next() * 4) }));
    const rtts = probes.map((probe) => probe.rtt_ms);
    const rtt = {
      min: Math.min(...rtts),
      avg: round2(rtts.reduce((sum, value) => sum + value, 0) / rtts.length),
      max: Math.max(...rtts),
    };
    return { ip, alive: true, host: ip, probes, rtt, packet_loss: 0, location, checked_at };
  },
);
