import * as z from 'zod/mini';
import { realClock, type Clock } from '../clock';
import { Emitter } from '../events';
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

/**
 * Where today's counts are kept across window reloads (the extension backs it with globalState,
 * which every window of the machine shares and sees the others' writes to).
 */
export interface UsageStore {
  /** What was saved last, by this window or another (untrusted: any version, hand edits). */
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
 * store, today's counts survive a window reload or restart and add up across windows: before
 * each count and each look, what another window saved is taken in (per tool, the larger
 * count). A saved day that is not today is ignored.
 */
export class UsageMeter {
  private usage: UsageToday | undefined;
  /** The store's value last taken in or written: the same object again needs no parsing. */
  private lastSeen: unknown;
  private readonly changes = new Emitter();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly clock: Clock = realClock,
    private readonly store?: UsageStore,
  ) {}

  record(call: CallRecord): void {
    const today = this.today();
    today.total++;
    today.perTool[call.tool] = (today.perTool[call.tool] ?? 0) + 1;
    if (call.remaining !== undefined) today.remaining = call.remaining;
    if (call.dailyLimit) today.dailyLimitHit = true;
    if (this.store) {
      // A copy: the store may keep what it is given, and these counts go on changing.
      const saved: UsageToday = { ...today, perTool: { ...today.perTool } };
      this.store.write(saved);
      this.lastSeen = saved;
    }
    this.changes.fire();
  }

  /**
   * Today's counts, with what other windows saved; a new UTC day starts from zero. Nothing is
   * read at construction. Counts taken in from another window are announced (onDidChange).
   */
  today(): UsageToday {
    const day = dayOf(this.clock.now());
    if (this.usage?.day !== day) this.usage = empty(day);
    if (this.takeInStored(this.usage)) this.changes.fire();
    return this.usage;
  }

  /** Adds what the store holds for the same day: per tool the larger count, the latest `remaining`. Whether anything changed. */
  private takeInStored(usage: UsageToday): boolean {
    const saved = this.store?.read();
    if (saved === undefined || saved === this.lastSeen) return false;
    this.lastSeen = saved;
    const parsed = storedSchema().safeParse(saved);
    if (!parsed.success || parsed.data.day !== usage.day) return false;
    let changed = false;
    let tools = Object.keys(usage.perTool).length;
    for (const [tool, count] of Object.entries(parsed.data.perTool)) {
      const known = usage.perTool[tool];
      if (known === undefined && tools >= MAX_STORED_TOOLS) continue;
      if (known === undefined) tools++;
      if (count > (known ?? -1)) {
        usage.perTool[tool] = count;
        changed = true;
      }
    }
    // The total is the sum of what is kept, so the status bar and the per-tool menu agree.
    usage.total = Object.values(usage.perTool).reduce((sum, count) => sum + count, 0);
    // Saved by another window after this one's last call: the newest answer's figure.
    if (parsed.data.remaining !== undefined && parsed.data.remaining !== usage.remaining) {
      usage.remaining = parsed.data.remaining;
      changed = true;
    }
    if (parsed.data.dailyLimitHit && !usage.dailyLimitHit) {
      usage.dailyLimitHit = true;
      changed = true;
    }
    return changed;
  }

  /** Forgets today's counts here and in the store (Delete All Local Data). */
  forget(): void {
    this.usage = empty(dayOf(this.clock.now()));
    if (this.store) {
      const saved: UsageToday = { ...this.usage, perTool: {} };
      this.store.write(saved);
      this.lastSeen = saved;
    }
    this.changes.fire();
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
