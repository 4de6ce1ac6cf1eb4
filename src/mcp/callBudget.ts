import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The API calls one MCP server process may send (NIAMONX_MAX_CALLS). A run that may send holds
 * a reservation while it runs, so concurrent runs cannot overshoot; the request it sends uses
 * that reservation up. `sent` counts the requests that really left (see budgetedFetch), so a
 * run answered from the cache or refused locally costs nothing.
 */
export class CallBudget {
  private sentCount = 0;
  private reserved = 0;
  /** The reservation of the run whose work is running (a run sends at most one request). */
  private readonly holds = new AsyncLocalStorage<{ held: boolean }>();

  constructor(readonly max: number) {}

  /** Requests that left for the API. */
  get sent(): number {
    return this.sentCount;
  }

  /** Calls still allowed. */
  get remaining(): number {
    return Math.max(0, this.max - this.sentCount);
  }

  /** Calls that may still be promised to a new run (remaining, less the runs holding a reservation). */
  get available(): number {
    return Math.max(0, this.max - this.sentCount - this.reserved);
  }

  /** Runs `work` holding one call, or does not run it (`ran: false`) when none is available. */
  async withReservation<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.available <= 0) return { ran: false };
    const hold = { held: true };
    this.reserved++;
    try {
      return { ran: true, value: await this.holds.run(hold, work) };
    } finally {
      if (hold.held) this.reserved--;
      hold.held = false;
    }
  }

  /** Counts a request about to leave; false (and nothing counted) when the budget does not allow it. */
  trySend(): boolean {
    const hold = this.holds.getStore();
    if (hold?.held) {
      hold.held = false;
      this.reserved--;
    } else if (this.sentCount + this.reserved >= this.max) {
      return false;
    }
    this.sentCount++;
    return true;
  }
}

/** A fetch that counts each request against the budget and refuses, before sending, when none is left. */
export function budgetedFetch(budget: CallBudget, onSent: () => void, fetchImpl: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    if (!budget.trySend()) return Promise.reject(new Error(`the call budget of this NiamonX MCP server (${budget.max}) is spent`));
    onSent();
    return fetchImpl(input, init);
  };
}
