import type { RunMany } from '../../core/agent/runMany';
import { runBulk, type BulkRunner, type StopReason } from '../../core/bulk/bulkScheduler';
import type { ErrorKind, ToolRun } from '../../core/errors';
import { currentSettings } from '../config';
import type { Services } from '../services';

/** What a row the run never reached reports to the model, by why the run stopped. */
const NOT_RUN_KIND: Record<StopReason, ErrorKind> = { 'daily-limit': 'rate-limit', auth: 'auth', disabled: 'disabled', cancelled: 'cancelled' };

/**
 * niamonx_ping_many through the bulk scheduler (pacing learned from 429s, retries, daily-limit
 * stop, cancel), with every call going through the RunController so that each lands in the
 * history marked as the agent's, like niamonx_ping.
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
        row.run ?? { ok: false, tool, error: { kind: NOT_RUN_KIND[result.stopped ?? 'cancelled'], message: `Not run (${row.notRun ?? 'cancelled'}).` } },
    );
  };
}
