import type { ToolRun } from '../errors';

/**
 * Runs `tool` once per input and resolves with the runs in input order. niamonx_ping_many is
 * written against this function only; the extension implements it with the bulk scheduler
 * (pacing, cache, retries, cancel): scheduledRunMany.ts.
 */
export type RunMany = (tool: string, inputs: readonly string[], signal: AbortSignal) => Promise<ToolRun[]>;
