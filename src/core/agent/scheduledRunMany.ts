import { runBulk, type BulkRunner, type StopReason } from '../bulk/bulkScheduler';
import type { PacingBook } from '../bulk/pacing';
import { secondsUntil, type ToolStateTracker } from '../catalog/toolState';
import type { ErrorKind, ToolRun } from '../errors';
import type { RunMany } from './runMany';

/** What a row the run never reached reports to the model, by why the run stopped. */
const NOT_RUN_KIND: Record<StopReason, ErrorKind> = {
  'daily-limit': 'rate-limit',
  auth: 'auth',
  disabled: 'disabled',
  cancelled: 'cancelled',
};

export interface ScheduledRunManyDeps {
  /** Every call goes through it (cache, shared calls, cooldowns); the extension records each as the agent's. */
  runner: BulkRunner;
  states: ToolStateTracker;
  pacing: PacingBook;
  /** Calls in flight at most. */
  concurrency: () => number;
  /** Wait after a 429 that gives no hint. */
  fallbackCooldownSeconds: () => number;
}

/**
 * niamonx_ping_many through the bulk scheduler: pacing learned from 429s, retries, the
 * daily-limit stop, cancel. A tool already cooling down fails at once: an agent is told, not
 * kept waiting for a cooldown the tool is already in.
 */
export function scheduledRunMany(deps: ScheduledRunManyDeps): RunMany {
  return async (tool, inputs, signal) => {
    const blocking = deps.states.blockingState(tool);
    if (blocking?.kind === 'cooling-down') {
      const retryAfterSeconds = secondsUntil(blocking.until, Date.now(), 1);
      const error = {
        kind: 'rate-limit' as const,
        message: `${tool} is cooling down (no request was sent).`,
        retryAfterSeconds,
        daily: blocking.daily,
      };
      return inputs.map((): ToolRun => ({ ok: false, tool, error }));
    }
    const result = await runBulk({
      runner: deps.runner,
      states: deps.states,
      pacing: deps.pacing,
      tool,
      inputs,
      concurrency: deps.concurrency(),
      fallbackCooldownSeconds: deps.fallbackCooldownSeconds(),
      signal,
    });
    return result.rows.map(
      (row): ToolRun =>
        row.run ?? {
          ok: false,
          tool,
          error: { kind: NOT_RUN_KIND[result.stopped ?? 'cancelled'], message: `Not run (${row.notRun ?? 'cancelled'}).` },
        },
    );
  };
}
