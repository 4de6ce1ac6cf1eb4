interface Waiter {
  check(): boolean;
  fail(error: Error): void;
}

/** An append-only list with waits on conditions over it, woken by each addition (no polling). */
export class WatchedList<T> {
  private entries: T[] = [];
  private readonly waiters = new Set<Waiter>();

  /** `label` names an entry in timeout messages. */
  constructor(private readonly label: (entry: T) => string) {}

  get all(): readonly T[] {
    return [...this.entries];
  }

  add(entry: T): void {
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) waiter.check();
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * Resolves with the first non-undefined result of `probe` over the log, now or after a later
   * request; rejects with `describe()` plus a summary of the log after `timeoutMs`, or on abort.
   */
  waitUntil<R>(
    probe: (entries: readonly T[]) => R | undefined,
    timeoutMs: number,
    describe: () => string,
    signal?: AbortSignal,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          const found = probe(this.entries);
          if (found === undefined) return false;
          finish();
          resolve(found);
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const onAbort = (): void => waiter.fail(new Error(`Stopped waiting for ${describe()}: the emulator closed or the caller went away`));
      const timer = setTimeout(
        () => waiter.fail(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}; ${this.summary()}`)),
        timeoutMs,
      );
      if (waiter.check()) return;
      if (signal?.aborted) return onAbort();
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private summary(): string {
    if (this.entries.length === 0) return 'no requests were recorded';
    const lines = this.entries.slice(-10).map(this.label);
    return `${this.entries.length} recorded (last ${lines.length}: ${lines.join(', ')})`;
  }
}
