/** Today's API calls as counted on this machine (the API has no free quota endpoint). */
export interface UsageToday {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  total: number;
  perTool: Record<string, number>;
  /** The last `rate.remaining` an answer reported today, if any did. */
  remaining?: number;
  /** A daily-limit 429 was received today. */
  dailyLimitHit: boolean;
}

export interface CallRecord {
  tool: string;
  /** `rate.remaining` of the answer, when it had one. */
  remaining?: number;
  dailyLimit?: boolean;
}

/**
 * Counts every real call per UTC day and tool. Fed by the ToolRunner, so every entry point
 * (commands, bulk runs, the public API, language-model tools) is counted the same way.
 */
export class UsageMeter {
  private usage: UsageToday;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {
    this.usage = empty(dayOf(now()));
  }

  record(call: CallRecord): void {
    const today = this.today();
    today.total++;
    today.perTool[call.tool] = (today.perTool[call.tool] ?? 0) + 1;
    if (call.remaining !== undefined) today.remaining = call.remaining;
    if (call.dailyLimit) today.dailyLimitHit = true;
    for (const listener of this.listeners) listener();
  }

  /** Today's counts; a new UTC day starts from zero. */
  today(): UsageToday {
    const day = dayOf(this.now());
    if (this.usage.day !== day) this.usage = empty(day);
    return this.usage;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** `data.rate.remaining` (breaches_search reports it), when it is a number. */
export function remainingOf(data: unknown): number | undefined {
  const rate = typeof data === 'object' && data !== null ? (data as { rate?: unknown }).rate : undefined;
  const remaining = typeof rate === 'object' && rate !== null ? (rate as { remaining?: unknown }).remaining : undefined;
  return typeof remaining === 'number' && Number.isFinite(remaining) ? remaining : undefined;
}

function empty(day: string): UsageToday {
  return { day, total: 0, perTool: Object.create(null) as Record<string, number>, dailyLimitHit: false };
}

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
