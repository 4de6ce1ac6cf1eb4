import { performance } from 'node:perf_hooks';

/** One line of the benchmark table: a measurement and its yardstick from the same run. */
export interface BenchRow {
  name: string;
  ms: number;
  /** A plain JSON operation on the same data, measured in the same run: the machine's yardstick. */
  baselineMs: number;
  ratio: number;
  heapMB?: number;
  note?: string;
}

const RUNS = 7;

/** Median of several timed runs after one warm-up run (JIT, caches). */
export function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const round = (value: number): number => Math.round(value * 100) / 100;

/** Times `subject` against `baseline` and reports the ratio. */
export function benchRow(name: string, subject: () => unknown, baseline: () => unknown, note?: string): BenchRow {
  const ms = medianMs(subject);
  const baselineMs = medianMs(baseline);
  return { name, ms: round(ms), baselineMs: round(baselineMs), ratio: round(ms / baselineMs), ...(note ? { note } : {}) };
}
