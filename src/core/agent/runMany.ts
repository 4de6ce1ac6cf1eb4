import type { ToolRun } from '../errors';

/**
 * Runs `tool` once per input and resolves with the runs in input order. niamonx_ping_many is
 * written against this function only, so the bulk scheduler (pacing, cache, cancel) can
 * replace the implementation below without touching the tool.
 */
export type RunMany = (tool: string, inputs: readonly string[], signal: AbortSignal) => Promise<ToolRun[]>;

/** Stand-in until the bulk scheduler lands: `runOne` (the shared runner) at a fixed concurrency. */
export function runManyWith(runOne: (tool: string, input: string, signal: AbortSignal) => Promise<ToolRun>, concurrency = 2): RunMany {
  return async (tool, inputs, signal) => {
    const runs = new Array<ToolRun>(inputs.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < inputs.length; index = next++) {
        runs[index] = signal.aborted
          ? { ok: false, tool, error: { kind: 'cancelled', message: 'Cancelled.' } }
          : await runOne(tool, inputs[index]!, signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), inputs.length) }, worker));
    return runs;
  };
}
