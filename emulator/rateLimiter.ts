const DAY_MS = 86_400_000;

/** Why a call was refused, with the wait the server would announce. */
export interface RateLimitRefusal {
  message: string;
  /** The same refusal without the wait in its words (for `retryHintInMessage: false`). */
  bareMessage: string;
  retryAfterSeconds: number;
}

/**
 * Cooldown per key per tool and a daily quota per key, on an injectable clock.
 * Only successful calls are recorded (the vendor charges nothing for refused calls).
 */
export class RateLimiter {
  private readonly lastSuccess = new Map<string, number>();
  private readonly dailyCount = new Map<string, { day: number; count: number }>();

  constructor(private readonly now: () => number) {}

  check(keyHash: string, tool: string, cooldownSeconds: number, dailyLimit: number | null): RateLimitRefusal | undefined {
    const now = this.now();
    if (dailyLimit !== null) {
      const used = this.usedToday(keyHash, now);
      if (used >= dailyLimit) {
        const nextMidnight = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
        const message = `Daily request limit exceeded (${used}/${dailyLimit})`;
        return {
          message,
          bareMessage: message,
          retryAfterSeconds: Math.ceil((nextMidnight - now) / 1000),
        };
      }
    }
    const last = this.lastSuccess.get(cooldownKey(keyHash, tool));
    if (cooldownSeconds > 0 && last !== undefined) {
      const waitMs = last + cooldownSeconds * 1000 - now;
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        return { message: `Cooldown active, retry in ${seconds} seconds`, bareMessage: 'Cooldown active', retryAfterSeconds: seconds };
      }
    }
    return undefined;
  }

  recordSuccess(keyHash: string, tool: string): void {
    const now = this.now();
    this.lastSuccess.set(cooldownKey(keyHash, tool), now);
    this.dailyCount.set(keyHash, { day: dayOf(now), count: this.usedToday(keyHash, now) + 1 });
  }

  /** Calls left today after the ones recorded so far; null when there is no daily limit. */
  remainingToday(keyHash: string, dailyLimit: number | null): number | null {
    return dailyLimit === null ? null : Math.max(0, dailyLimit - this.usedToday(keyHash, this.now()));
  }

  clear(): void {
    this.lastSuccess.clear();
    this.dailyCount.clear();
  }

  private usedToday(keyHash: string, now: number): number {
    const entry = this.dailyCount.get(keyHash);
    return entry && entry.day === dayOf(now) ? entry.count : 0;
  }
}

function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

function cooldownKey(keyHash: string, tool: string): string {
  return `${keyHash}\u0000${tool}`;
}
