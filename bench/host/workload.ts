import { performance } from 'node:perf_hooks';
import type { EmulatorControl } from '../../emulator/controlClient';

/**
 * The run benchmark's workload, the same in plain Node and in the extension host: distinct
 * pings (so the cache answers none) at a fixed concurrency; every tenth call goes to a tool
 * the emulator answers with 503, so one call in ten is a failure to log and keep.
 */
export const WORKLOAD = { calls: 2000, concurrency: 8, faultEvery: 10 } as const;
const FAULTY_TOOL = 'breaches_search';

export interface WorkloadResult {
  ms: number;
  ok: number;
  failed: number;
}

/** Sticky 503 answers for the faulty tool; everything else answers normally. */
export async function prepareEmulator(emulator: EmulatorControl): Promise<void> {
  await emulator.reset();
  await emulator.fault({
    type: 'status',
    status: 503,
    body: { success: false, error: 'Service Unavailable' },
    tool: FAULTY_TOOL,
    sticky: true,
  });
}

/** The i-th call; `round` keeps inputs of different rounds apart, so a later round finds nothing cached. */
export function callOf(i: number, round: number): { tool: string; input: string } {
  if (i % WORKLOAD.faultEvery === WORKLOAD.faultEvery - 1) return { tool: FAULTY_TOOL, input: `user${round}-${i}@example.com` };
  // Public addresses: a private one would be refused by the never-send gate before any request.
  return { tool: 'gl_ping', input: `77.${round & 255}.${Math.floor(i / 250)}.${1 + (i % 250)}` };
}

/** Runs `calls` calls with at most `concurrency` in flight and times the whole batch. */
export async function runWorkload(
  run: (tool: string, input: string) => Promise<{ ok: boolean }>,
  round: number,
  calls: number = WORKLOAD.calls,
  concurrency: number = WORKLOAD.concurrency,
): Promise<WorkloadResult> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < calls) {
      const { tool, input } = callOf(next++, round);
      if ((await run(tool, input)).ok) ok++;
      else failed++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  // Only the faulty tool's calls may fail: otherwise the ratio would compare refusals, not runs.
  const expectedFailures = Math.floor(calls / WORKLOAD.faultEvery);
  if (failed !== expectedFailures)
    throw new Error(`the workload went wrong: ${failed} of ${calls} calls failed, ${expectedFailures} expected`);
  return { ms, ok, failed };
}
