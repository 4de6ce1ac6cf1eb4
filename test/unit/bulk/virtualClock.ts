import type { Clock } from '../../../src/core/bulk/clock';
import type { BulkRunner } from '../../../src/core/bulk/bulkScheduler';

/**
 * Virtual time for scheduler tests: a sleep ends as soon as nothing else can happen first
 * (no real call in flight, no earlier sleep), and the clock jumps to its end. Deterministic
 * and instant, whatever the cooldowns.
 */
export class VirtualClock implements Clock {
  time = Date.UTC(2026, 10, 26, 12, 0, 0);
  private timers: { at: number; resolve: () => void }[] = [];
  private realWork = 0;
  private driving = false;

  now = (): number => this.time;

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const abort = () => {
        this.timers = this.timers.filter((other) => other !== timer);
        resolve();
      };
      const timer = {
        at: this.time + ms,
        resolve: () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', abort, { once: true });
      this.drive();
    });
  }

  /** Wraps a runner so virtual time stands still while a real (HTTP) call is in flight. */
  track(runner: BulkRunner): BulkRunner {
    return {
      isCached: (request) => runner.isCached(request),
      run: async (request) => {
        this.realWork++;
        try {
          return await runner.run(request);
        } finally {
          this.realWork--;
          this.drive();
        }
      },
    };
  }

  private drive(): void {
    if (this.driving) return;
    this.driving = true;
    setImmediate(() => {
      this.driving = false;
      if (this.realWork > 0 || this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.resolve();
      this.drive();
    });
  }
}
