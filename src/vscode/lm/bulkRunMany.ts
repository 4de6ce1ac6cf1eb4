import type { RunMany } from '../../core/agent/runMany';
import { runBulk, type BulkRunner, type StopReason } from '../../core/bulk/bulkScheduler';
import type { ErrorKind, ToolRun } from '../../core/errors';
import { currentSettings } from '../config';
import type { Services } from '../services';

/** What a row the run never reached reports to the model, by why the run stopped. */
const NOT_RUN_KIND: Record<StopReason, ErrorKind> = {
  'daily-limit': 'rate-limit',
  auth: 'auth',
  disabled: 'disabled',
  cancelled: 'cancelled',
};

/**
 * niamonx_ping_many through the bulk scheduler (pacing learned from 429s, retries, daily-limit
 * stop, cancel), with every call going through the RunController so that each lands in the
 * history marked as the agent's, like niamonx_ping. A tool already cooling down fails at once.
 */
export function bulkRunMany(services: Services): RunMany {
  const agentRunner: BulkRunner = {
    run: async (request) => {
      const startedAt = Date.now();
      const run = await services.runs.run({ ...request, interactive: false, origin: 'agent' });
      return { run, input: typeof request.input === 'string' ? request.input : '', startedAt };
    },
    isCached: (request) => services.runner.isCached(request),
  };
  return async (tool, inputs, signal) => {
    // An agent is told at once, not kept waiting for a cooldown the tool is already in.
    const blocking = services.states.blockingState(tool);
    if (blocking?.kind === 'cooling-down') {
      const retryAfterSeconds = Math.max(1, Math.ceil((blocking.until - Date.now()) / 1000));
      const error = {
        kind: 'rate-limit' as const,
        message: `${tool} is cooling down (no request was sent).`,
        retryAfterSeconds,
        daily: blocking.daily,
      };
      return inputs.map((): ToolRun => ({ ok: false, tool, error }));
    }
    const settings = currentSettings();
    const result = await runBulk({
      runner: agentRunner,
      states: services.states,
      pacing: services.pacing,
      tool,
      inputs,
      concurrency: settings.bulkConcurrency,
      fallbackCooldownSeconds: settings.cooldownFallbackSeconds,
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
