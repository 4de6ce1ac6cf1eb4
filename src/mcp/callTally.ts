import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallBudget } from './callBudget';
import { ENV_MAX_CALLS } from './environment';

/** What one MCP tool call cost: requests sent, and runs answered from the local cache. */
export interface CallTally {
  sent: number;
  cached: number;
}

/**
 * The tally of the tool call whose work is running: calls from an MCP client may overlap, and
 * a request (a retry of a batch included) is counted to the call that sent it.
 */
export class CallTallies {
  private readonly current = new AsyncLocalStorage<CallTally>();

  /** Runs `work` with a fresh tally and returns both. */
  async run<T>(work: () => T | Promise<T>): Promise<{ tally: CallTally; result: T }> {
    const tally: CallTally = { sent: 0, cached: 0 };
    const result = await this.current.run(tally, work);
    return { tally, result };
  }

  noteSent(): void {
    const tally = this.current.getStore();
    if (tally) tally.sent++;
  }

  noteCached(): void {
    const tally = this.current.getStore();
    if (tally) tally.cached++;
  }
}

/** The line each result ends with: what this call spent, what the cache answered, what remains. */
export function budgetLine(tally: CallTally, budget: CallBudget): string {
  const sent = `${tally.sent} API call${tally.sent === 1 ? '' : 's'} sent`;
  const cached = tally.cached ? `, ${tally.cached} answer${tally.cached === 1 ? '' : 's'} from the local cache (free)` : '';
  return `NiamonX budget: this call: ${sent}${cached}. This server: ${budget.sent} of ${budget.max} calls spent, ${budget.remaining} remain (${ENV_MAX_CALLS}).`;
}
