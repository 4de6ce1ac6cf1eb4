import type { NeverSendPolicy } from '../src/core/neverSend/neverSendCheck';
import { neverSendMatch } from '../src/core/neverSend/neverSendCheck';
import { parseNeverSendList } from '../src/core/neverSend/neverSendList';
import { neverSendMatchesInSlices } from '../src/core/neverSend/neverSendSlices';
import { classifyIp } from '../src/core/indicators/classifyIp';
import type { Target } from '../src/core/indicators/target';
import { medianMs, round, type BenchRow } from './measure';
import { longestStall } from './measure';

const COUNT = 1_000_000;

/** A million unique targets as a bulk run plans them: IPv4 (classified by the scanner), some IPv6, emails and domains. */
function targets(): Target[] {
  const list: Target[] = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 10;
    if (kind < 7) {
      const value = `${1 + ((i >>> 16) % 223)}.${(i >>> 8) & 255}.${i & 255}.${(i * 7) & 255}`;
      list.push({ kind: 'ipv4', value, raw: value, start: 0, end: 0, inputKind: 'ip', ip: classifyIp(value) });
    } else if (kind === 7) {
      const value = `2606:4700:${(i & 0xffff).toString(16)}::${(i >>> 4).toString(16)}`;
      list.push({ kind: 'ipv6', value, raw: value, start: 0, end: 0, inputKind: 'ip', ip: classifyIp(value) });
    } else if (kind === 8) {
      const value = `user${i}@host${i % 997}.mail-example.com`;
      list.push({ kind: 'email', value, raw: value, start: 0, end: 0, inputKind: 'email' });
    } else {
      const value = `a${i}.b${i % 31}.site${i % 1009}.com`;
      list.push({ kind: 'domain', value, raw: value, start: 0, end: 0, inputKind: 'domain' });
    }
  }
  return list;
}

/** A large list: 500 CIDR ranges, 500 domains, 100 email domains, 100 exact values, IPv6 ranges. */
function policy(): NeverSendPolicy {
  const entries = [
    ...Array.from({ length: 500 }, (_, i) => `${20 + (i % 100)}.${i % 256}.0.0/16`),
    ...Array.from({ length: 500 }, (_, i) => `corp${i}.example.com`),
    ...Array.from({ length: 100 }, (_, i) => `@mail${i}.example.org`),
    ...Array.from({ length: 100 }, (_, i) => `user-${i}`),
    ...Array.from({ length: 20 }, (_, i) => `2606:4700:${i.toString(16)}::/48`),
  ];
  return { list: parseNeverSendList(entries) };
}

/**
 * The never-send check of a bulk run's largest plan (a million unique targets) against a large
 * list: the whole check in one call, and the longest event-loop block of the sliced check the
 * bulk commands use (goal ≤ 100 ms). Baseline: one Set lookup per target.
 */
export async function benchNeverSend(): Promise<BenchRow[]> {
  const all = targets();
  const gate = policy();
  const values = new Set(all.slice(0, 1000).map((target) => target.value));
  const setLookups = () => {
    let n = 0;
    for (const target of all) if (values.has(target.value)) n++;
    return n;
  };
  const whole = () => {
    let n = 0;
    for (const target of all) if (neverSendMatch(target, gate)) n++;
    return n;
  };
  const wholeMs = medianMs(whole);
  const baselineMs = medianMs(setLookups);
  await neverSendMatchesInSlices(all, gate);
  const stall = await longestStall(() => neverSendMatchesInSlices(all, gate));
  return [
    {
      name: 'never-send: check 1,000,000 targets against 1,220 entries, one call',
      ms: round(wholeMs),
      baselineMs: round(baselineMs),
      ratio: round(wholeMs / baselineMs),
      note: `${whole().toLocaleString('en')} refused; baseline: one Set lookup per target`,
    },
    {
      name: 'never-send: longest event-loop block, 1,000,000 targets in slices',
      ms: round(stall),
      baselineMs: round(wholeMs),
      ratio: round(stall / wholeMs),
      note: 'goal ≤ 100 ms; baseline: the same check in one call',
    },
  ];
}
