import { detectAt, findTargets } from '../src/core/indicators/detectTarget';
import { benchRow as row, type BenchRow } from './measure';

const LINES = 10_000;

/** An nginx-style access log with IPv4, IPv6, emails and noise that looks like addresses. */
function accessLog(lines: number): string {
  return Array.from({ length: lines }, (_, i) => {
    const ip = i % 5 === 0 ? `2001:db8::${(i % 65535).toString(16)}` : `198.51.${i % 256}.${(i * 7) % 256}`;
    return `${ip} - - [26/Nov/2026:09:00:${String(i % 60).padStart(2, '0')} +0000] "GET /v1.2.3.4/item?id=${i} HTTP/1.1" 200 ${i} "-" "Mozilla/5.0 Chrome/120.0.0.0" user${i}@example.com`;
  }).join('\n');
}

/** Target detection on a 10,000-line log and under the cursor, against a plain IPv4 regex scan. */
export async function benchTargets(): Promise<BenchRow[]> {
  const log = accessLog(LINES);
  const line = log.slice(0, log.indexOf('\n'));
  const naiveIpv4 = () => log.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g);
  return [
    row(
      `targets: findTargets over ${LINES.toLocaleString('en')} log lines`,
      () => findTargets(log),
      naiveIpv4,
      `${(log.length / 1e6).toFixed(1)} MB; baseline: one IPv4 regex, no validation`,
    ),
    row(
      'targets: detectAt under the cursor, 1,000 times',
      () => {
        for (let i = 0; i < 1000; i++) detectAt(line, i % line.length);
      },
      () => {
        for (let i = 0; i < 1000; i++) line.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/);
      },
      'what the hover and the context-menu key pay per cursor move',
    ),
  ];
}
