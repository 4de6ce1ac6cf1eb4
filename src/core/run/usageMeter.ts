import * as z from 'zod/mini';
import { lazy } from '../lazy';

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

/** Where today's counts are kept across window reloads (the extension backs it with globalState). */
export interface UsageStore {
  /** What was saved last (untrusted: any version, hand edits); read once, on first use. */
  read(): unknown;
  /** Saves the counts after a call; must not block (globalState.update is asynchronous). */
  write(usage: UsageToday): void;
}

/** Tools counted at most in a saved day: a hand-edited store cannot make the status bar's menu huge. */
const MAX_STORED_TOOLS = 1000;

const storedSchema = lazy(() =>
  z.object({
    day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    total: z.int().check(z.gte(0)),
    perTool: z.record(z.string().check(z.maxLength(200)), z.int().check(z.gte(0))),
    remaining: z.optional(z.number().check(z.gte(0))),
    dailyLimitHit: z.boolean(),
  }),
);

/**
 * Counts every real call per UTC day and tool. Fed by the ToolRunner, so every entry point
 * (commands, bulk runs, the public API, language-model tools) is counted the same way. With a
 * store, today's counts survive a window reload or restart; a saved day that is not today is ignored.
 */
export class UsageMeter {
  private usage: UsageToday | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly store?: UsageStore,
  ) {}

  record(call: CallRecord): void {
    const today = this.today();
    today.total++;
    today.perTool[call.tool] = (today.perTool[call.tool] ?? 0) + 1;
    if (call.remaining !== undefined) today.remaining = call.remaining;
    if (call.dailyLimit) today.dailyLimitHit = true;
    this.store?.write(today);
    for (const listener of this.listeners) listener();
  }

  /** Today's counts; a new UTC day starts from zero. The store is read on the first call, not at construction. */
  today(): UsageToday {
    const day = dayOf(this.now());
    this.usage ??= this.restored(day);
    if (this.usage.day !== day) this.usage = empty(day);
    return this.usage;
  }

  private restored(day: string): UsageToday {
    const parsed = storedSchema().safeParse(this.store?.read());
    if (!parsed.success || parsed.data.day !== day) return empty(day);
    const usage = empty(day);
    const tools = Object.entries(parsed.data.perTool).slice(0, MAX_STORED_TOOLS);
    for (const [tool, count] of tools) usage.perTool[tool] = count;
    // The total is the sum of what is kept, so the status bar and the per-tool menu agree.
    usage.total = tools.reduce((sum, [, count]) => sum + count, 0);
    if (parsed.data.remaining !== undefined) usage.remaining = parsed.data.remaining;
    usage.dailyLimitHit = parsed.data.dailyLimitHit;
    return usage;
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
