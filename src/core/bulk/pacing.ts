/** A little more than the learned cooldown, so a paced call is not refused by clock skew or rounding. */
const MARGIN_RATIO = 0.02;
const MARGIN_MIN_MS = 20;

/**
 * What 429 answers taught about each tool's cooldown, kept for the session so later runs
 * (and the plan's estimate) space their calls instead of bouncing off 429s again.
 */
export class PacingBook {
  private readonly intervals = new Map<string, number>();
  private readonly lastSuccess = new Map<string, number>();

  /** A real call of `tool` succeeded (its answer arrived) at `at`: the server's cooldown starts about then. */
  noteSuccess(tool: string, at: number): void {
    this.lastSuccess.set(tool, at);
  }

  lastSuccessAt(tool: string): number | undefined {
    return this.lastSuccess.get(tool);
  }

  /** Milliseconds to leave between the end of one successful call and the start of the next; undefined: not known. */
  intervalMs(tool: string): number | undefined {
    return this.intervals.get(tool);
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
    const previous = this.intervals.get(tool);
    const next = previous === undefined ? paced : sentWhilePaced ? Math.max(paced, previous * 1.1) : Math.min(paced, previous);
    this.intervals.set(tool, next);
    return next;
  }

  /** Rough wall time for `calls` more calls, when the cooldown is known. */
  estimateMs(tool: string, calls: number): number | undefined {
    const interval = this.intervals.get(tool);
    return interval === undefined ? undefined : Math.max(0, calls - 1) * interval;
  }

  clear(): void {
    this.intervals.clear();
    this.lastSuccess.clear();
  }
}
