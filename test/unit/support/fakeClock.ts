import type { BulkRunner } from '../../../src/core/bulk/bulkScheduler';
import type { Clock } from '../../../src/core/clock';

/** 2025-01-15 12:00:00 UTC: twelve hours before a UTC midnight. */
export const START_TIME = Date.UTC(2025, 0, 15, 12, 0, 0);

/**
 * The tests' clock: time moves only when a test moves it (`advance`, or setting `time`), so
 * cooldowns and days pass without waiting. A sleep ends as soon as nothing else can happen
 * first (no tracked real call in flight, no earlier sleep), and the clock jumps to its end:
 * a bulk run's waits are deterministic and instant, whatever the cooldowns.
 */
export class FakeClock implements Clock {
  private timers: { at: number; resolve: () => void }[] = [];
  private realWork = 0;
  private driving = false;

  constructor(public time = START_TIME) {}

  readonly now = (): number => this.time;

  advance(ms: number): void {
    this.time += ms;
  }

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

  /** Wraps a runner so that time stands still while a real (HTTP) call is in flight. */
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

/** A clock standing at `start` (by default twelve hours before a UTC midnight) until the test moves it. */
export function fakeClock(start = START_TIME): FakeClock {
  return new FakeClock(start);
}
