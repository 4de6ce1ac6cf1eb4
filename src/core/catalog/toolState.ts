import { realClock, type Clock } from '../clock';
import type { ErrorKind } from '../errors';
import { Emitter } from '../events';
import type { LocalText } from '../localText';

/** What real answers taught about a tool. Never set from a probe: a probe would spend quota. */
export type ToolState =
  | { kind: 'idle' }
  | { kind: 'ok'; at: number }
  | { kind: 'disabled'; at: number; message: string; text?: LocalText }
  | { kind: 'unknown'; at: number; message: string; text?: LocalText }
  | { kind: 'cooling-down'; until: number; daily: boolean; message: string; text?: LocalText };

/** A failure as taught: `text` is `message` to translate where shown, when it is ours. */
export type ToolOutcome =
  { ok: true } | { ok: false; kind: ErrorKind; message: string; text?: LocalText; retryAfterSeconds?: number; daily?: boolean };

export interface ToolStateOptions {
  clock?: Clock;
  /** Cooldown to assume when a 429 gives no hint of its length. */
  fallbackCooldownSeconds?: () => number;
}

type SettledState = Exclude<ToolState, { kind: 'cooling-down' }>;

interface Entry {
  state: ToolState;
  /** The state to show again once a cooldown is over. */
  settled: SettledState;
}

const DEFAULT_FALLBACK_SECONDS = 60;
/** A server hint longer than a day is more likely a bug than a real wait; never lock a tool longer. */
const MAX_COOLDOWN_SECONDS = 86_400;
const DAY_MS = 86_400_000;

/** Tracks, per tool, whether it last worked, is disabled or unknown, or is cooling down. */
export class ToolStateTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new Emitter<string>();
  /** Fires with the tool's name whenever its state changes. */
  readonly onDidChange = this.changes.event;
  private readonly clock: Clock;
  private readonly fallbackCooldownSeconds: () => number;

  constructor(options: ToolStateOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.fallbackCooldownSeconds = options.fallbackCooldownSeconds ?? (() => DEFAULT_FALLBACK_SECONDS);
  }

  /** Learns from one real answer: 403 disabled, 404 unknown, 429 cooling down, success ok; anything else teaches nothing. */
  record(tool: string, outcome: ToolOutcome): void {
    const at = this.clock.now();
    const previous = this.entries.get(tool);
    const settled = previous?.settled ?? { kind: 'idle' };
    if (outcome.ok) {
      this.set(tool, { kind: 'ok', at });
    } else if (outcome.kind === 'disabled') {
      this.set(tool, { kind: 'disabled', at, message: outcome.message, ...(outcome.text && { text: outcome.text }) });
    } else if (outcome.kind === 'unknown-tool') {
      this.set(tool, { kind: 'unknown', at, message: outcome.message, ...(outcome.text && { text: outcome.text }) });
    } else if (outcome.kind === 'rate-limit') {
      const daily = outcome.daily === true;
      const until = this.cooldownEnd(at, outcome.retryAfterSeconds, daily);
      this.entries.set(tool, {
        state: { kind: 'cooling-down', until, daily, message: outcome.message, ...(outcome.text && { text: outcome.text }) },
        settled,
      });
      this.changes.fire(tool);
    }
  }

  /** The state now; a cooldown that has run out reads as the state before it (or ok: the tool answered). */
  stateOf(tool: string): ToolState {
    const entry = this.entries.get(tool);
    if (!entry) return { kind: 'idle' };
    if (entry.state.kind !== 'cooling-down' || entry.state.until > this.clock.now()) return entry.state;
    return entry.settled.kind === 'idle' ? { kind: 'ok', at: entry.state.until } : entry.settled;
  }

  /**
   * The state that should stop a call before it is sent: only an active cooldown. Disabled and
   * unknown are not blocking, because an admin may have enabled the tool since.
   */
  blockingState(tool: string): ToolState | undefined {
    const state = this.stateOf(tool);
    return state.kind === 'cooling-down' ? state : undefined;
  }

  /** Forgets everything, e.g. when the key or the base URL changes. */
  clear(): void {
    const tools = [...this.entries.keys()];
    this.entries.clear();
    for (const tool of tools) this.changes.fire(tool);
  }

  private set(tool: string, state: SettledState): void {
    this.entries.set(tool, { state, settled: state });
    this.changes.fire(tool);
  }

  private cooldownEnd(at: number, retryAfterSeconds: number | undefined, daily: boolean): number {
    if (isPositive(retryAfterSeconds)) return at + Math.min(retryAfterSeconds, MAX_COOLDOWN_SECONDS) * 1000;
    // Daily quotas are assumed to reset at midnight UTC, the only reset time a client can guess.
    if (daily) return (Math.floor(at / DAY_MS) + 1) * DAY_MS;
    const fallback = this.fallbackCooldownSeconds();
    return at + (isPositive(fallback) ? Math.min(fallback, MAX_COOLDOWN_SECONDS) : DEFAULT_FALLBACK_SECONDS) * 1000;
  }
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Whole seconds from `now` until `until` (rounded up, so a wait is never announced as shorter), at least `min`. */
export function secondsUntil(until: number, now: number, min = 0): number {
  return Math.max(min, Math.ceil((until - now) / 1000));
}
