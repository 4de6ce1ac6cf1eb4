import { ContextKey } from '../commands/commandIds';
import { ContextFlag } from '../commands/contextFlag';

/** Runs in progress, so "Cancel Bulk Runs" (and tests) can stop them as the notification's Cancel does. */
const activeRuns = new Set<AbortController>();
const bulkRunning = new ContextFlag(ContextKey.BulkRunning);

export function cancelBulkRuns(): number {
  const count = activeRuns.size;
  for (const controller of activeRuns) controller.abort();
  return count;
}

/** Counts a run as active (for Cancel Bulk Runs and the palette's `when` clause) while `work` runs. */
export async function whileActive<T>(controller: AbortController, work: () => Promise<T>): Promise<T> {
  activeRuns.add(controller);
  bulkRunning.set(true);
  try {
    return await work();
  } finally {
    activeRuns.delete(controller);
    bulkRunning.set(activeRuns.size > 0);
  }
}
