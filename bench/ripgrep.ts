import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { round, type BenchRow } from './measure';

/** The yardstick: IPv4 only, and it accepts `999.1.2.3` and a part of `1.2.3.4.5`. */
export const RG_PATTERN = String.raw`\b(?:\d{1,3}\.){3}\d{1,3}\b`;

/** As Ping All IPs in File reads a file (bulkSource.ts): its bytes, then TextDecoder. */
export const readLog = (file: string): string => new TextDecoder('utf-8').decode(readFileSync(file));

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** `rg -o PATTERN file > /dev/null`, or undefined when ripgrep is not installed. */
function ripgrep(file: string): number | undefined {
  const devNull = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const result = spawnSync('rg', ['-o', RG_PATTERN, file], { stdio: ['ignore', devNull, 'ignore'] });
    const ms = performance.now() - start;
    return result.error ? undefined : ms;
  } finally {
    closeSync(devNull);
  }
}

/** Paired timings of a scan and of ripgrep on the same file: medians and each run's ratio. */
export interface Paired {
  ms: number;
  rgMs: number;
  ratio: number;
  ratios: number[];
}

/**
 * Runs `run` (once to warm up, then `runs` times) and `rg -o` on `file` alternately, so both
 * see the same machine load; undefined when ripgrep is not installed.
 */
export async function pairedWithRipgrep(file: string, runs: number, run: () => unknown): Promise<Paired | undefined> {
  await run();
  const times: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) {
    const rg = ripgrep(file);
    if (rg === undefined) return undefined;
    baselines.push(rg);
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const ratios = times.map((ms, i) => round(ms / baselines[i]));
  return { ms: median(times), rgMs: median(baselines), ratio: median(ratios), ratios };
}

/** Name and figures of a row timed against ripgrep. */
export function pairedRow(name: string, paired: Paired): Pick<BenchRow, 'name' | 'ms' | 'baselineMs' | 'ratio'> {
  return { name, ms: round(paired.ms), baselineMs: round(paired.rgMs), ratio: paired.ratio };
}
