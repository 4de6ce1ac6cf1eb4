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

/**
 * Heap (MB) still held by what `build` returns, after full collections: the memory cost of a
 * result. Needs `node --expose-gc` (npm run bench passes it); undefined without it.
 */
export function retainedMB(build: () => unknown): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return round(Math.max(0, after - before) / 1024 / 1024);
}

/** Times `subject` against `baseline` and reports the ratio and the heap the subject's result holds. */
export function benchRow(name: string, subject: () => unknown, baseline: () => unknown, note?: string): BenchRow {
  const ms = medianMs(subject);
  const baselineMs = medianMs(baseline);
  const heapMB = retainedMB(subject);
  return {
    name,
    ms: round(ms),
    baselineMs: round(baselineMs),
    ratio: round(ms / baselineMs),
    ...(heapMB !== undefined ? { heapMB } : {}),
    ...(note ? { note } : {}),
  };
}

/** The longest gap between event-loop turns while `run` goes: how long the host would be frozen. */
export async function longestStall(run: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await run();
  running = false;
  return Math.max(longest, performance.now() - last);
}
