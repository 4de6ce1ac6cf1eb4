import type { RunMany } from '../../core/agent/runMany';
import { scheduledRunMany } from '../../core/agent/scheduledRunMany';
import type { BulkRunner } from '../../core/bulk/bulkScheduler';
import { currentSettings } from '../settings/config';
import type { Services } from '../services';

/**
 * niamonx_ping_many through the core's scheduled runs, with every call going through the
 * RunController so that each lands in the history marked as the agent's, like niamonx_ping.
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
  return scheduledRunMany({
    runner: agentRunner,
    states: services.states,
    pacing: services.pacing,
    concurrency: () => currentSettings().bulkConcurrency,
    fallbackCooldownSeconds: () => currentSettings().cooldownFallbackSeconds,
  });
}
