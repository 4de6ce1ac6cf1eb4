/** A little more than the learned cooldown, so a paced call is not refused by clock skew or rounding. */
const MARGIN_RATIO = 0.02;
const MARGIN_MIN_MS = 20;
/** A 429 on a paced call grows the interval by this factor; a clean streak undoes one such step. */
const GROWTH = 1.1;
/**
 * Paced successes in a row, without a 429, before the interval steps back toward the last
 * announced cooldown. A step back that proves too short costs one 429: a refused call and a
 * pause of about one cooldown. Twenty calls spaced 10% too wide already cost two cooldowns, so
 * the step is worth its risk after twenty; and where the shorter interval really is too short,
 * at most one call in 21 earns a 429 before the interval grows again.
 */
export const STEP_BACK_AFTER = 20;

interface Learned {
  /** Milliseconds between the end of one success and the start of the next call. */
  interval: number;
  /** The last announced cooldown plus margin: stepping back never goes below it. */
  floor: number;
  /** Paced successes since the last 429 or step back. */
  cleanStreak: number;
}

/**
 * What 429 answers taught about each tool's cooldown, kept for the session so later runs
 * (and the plan's estimate) space their calls instead of bouncing off 429s again. An interval
 * grown by unlucky 429s shrinks back after a clean streak, so one bad run does not slow every later one.
 */
export class PacingBook {
  private readonly learned = new Map<string, Learned>();
  private readonly lastSuccess = new Map<string, number>();

  /**
   * A real call of `tool` succeeded (its answer arrived) at `at`: the server's cooldown starts
   * about then. `sentWhilePaced`: the call was spaced by the learned interval, so it counts
   * toward the clean streak that lets the interval step back.
   */
  noteSuccess(tool: string, at: number, sentWhilePaced = false): void {
    this.lastSuccess.set(tool, at);
    const learned = this.learned.get(tool);
    if (!learned || !sentWhilePaced) return;
    if (++learned.cleanStreak < STEP_BACK_AFTER) return;
    learned.interval = Math.max(learned.floor, learned.interval / GROWTH);
    learned.cleanStreak = 0;
  }

  lastSuccessAt(tool: string): number | undefined {
    return this.lastSuccess.get(tool);
  }

  /** Milliseconds to leave between the end of one successful call and the start of the next; undefined: not known. */
  intervalMs(tool: string): number | undefined {
    return this.learned.get(tool)?.interval;
  }

  /**
   * A cooldown 429 arrived `sinceSuccessMs` after the last success ended, saying to wait
   * `waitMs` more: the cooldown is at most their sum (a whole-seconds hint is rounded up). A
   * 429 for a call sent while paced means the interval was too short: grow it by at least a
   * tenth. Calls sent before anything was known each give such an upper bound: keep the lowest.
   */
  learn(tool: string, sinceSuccessMs: number | undefined, waitMs: number, sentWhilePaced: boolean): number {
    const cooldown = Math.max(0, sinceSuccessMs ?? 0) + waitMs;
    const paced = cooldown + Math.max(MARGIN_MIN_MS, cooldown * MARGIN_RATIO);
    const previous = this.learned.get(tool)?.interval;
    const next = previous === undefined ? paced : sentWhilePaced ? Math.max(paced, previous * GROWTH) : Math.min(paced, previous);
    this.learned.set(tool, { interval: next, floor: Math.min(next, paced), cleanStreak: 0 });
    return next;
  }

  /** Rough wall time for `calls` more calls, when the cooldown is known. */
  estimateMs(tool: string, calls: number): number | undefined {
    const interval = this.intervalMs(tool);
    return interval === undefined ? undefined : Math.max(0, calls - 1) * interval;
  }

  clear(): void {
    this.learned.clear();
    this.lastSuccess.clear();
  }
}
