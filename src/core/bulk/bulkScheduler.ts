import { secondsUntil, type ToolStateTracker } from '../catalog/toolState';
import type { ToolRun } from '../errors';
import type { RunOutcome, RunRequest } from '../run/toolRunner';
import { realClock, type Clock } from '../clock';
import type { PacingBook } from './pacing';

export type RowStatus = 'ok' | 'cached' | 'failed' | 'not-run';
export type StopReason = 'daily-limit' | 'auth' | 'disabled' | 'cancelled';

export interface BulkRow {
  sent: string;
  status: RowStatus;
  /** The last answer (success or the failure that was kept). */
  run?: ToolRun;
  /** For `not-run`: why (cancelled, daily limit, …). */
  notRun?: string;
  /** Real calls made for this row, retries included. */
  attempts: number;
}

export interface BulkProgress {
  total: number;
  done: number;
  cached: number;
  failed: number;
  /** Why nothing is being sent right now, e.g. "cooldown 4 s". */
  waiting?: string;
}

/** The slice of ToolRunner the scheduler needs (every call goes through it: cache, shared calls, cooldowns, usage). */
export interface BulkRunner {
  run(request: RunRequest): Promise<RunOutcome>;
  isCached(request: { tool: string; input: string }): Promise<boolean>;
}

export interface BulkRunOptions {
  runner: BulkRunner;
  states: Pick<ToolStateTracker, 'blockingState'>;
  pacing: PacingBook;
  tool: string;
  inputs: readonly string[];
  /** Calls in flight at most (niamonx.bulk.concurrency). */
  concurrency: number;
  /** Wait after a 429 that gives no hint (niamonx.cooldownFallbackSeconds). */
  fallbackCooldownSeconds: number;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  onProgress?: (progress: BulkProgress) => void;
}

export interface BulkRunResult {
  rows: BulkRow[];
  stopped?: StopReason;
  /** The answer that stopped the run, for the user. */
  stopMessage?: string;
  /** Cooldown 429s received. */
  rateLimited: number;
}

const NOT_RUN_TEXT: Record<StopReason, string> = {
  'daily-limit': 'daily limit',
  auth: 'API key refused',
  disabled: 'tool disabled',
  cancelled: 'cancelled',
};
/** Cooldown retries per input before it is recorded as failed (a server that never lets go). */
const MAX_RATE_LIMIT_RETRIES = 8;
const BACKOFF_MS = 1000;

/**
 * Runs one tool on many inputs as fast as its cooldown allows: at most `concurrency` calls in
 * flight; a cooldown 429 pauses the queue for the announced (or fallback) wait, retries the same
 * input and teaches the pacing; a daily limit, 401 or 403 stops the run; 5xx and network errors
 * get one retry after a jittered backoff; cancel stops at once and keeps every answer received.
 */
export function runBulk(options: BulkRunOptions): Promise<BulkRunResult> {
  return new BulkScheduler(options).run();
}

/**
 * One bulk run. Workers (`concurrency` of them) take row indexes from the queue; every call
 * goes through `acquire`, which waits out cooldowns, pacing gaps and a full set of calls in
 * flight; `settle` records each answer on its row and decides whether the run goes on.
 */
class BulkScheduler {
  private readonly tool: string;
  private readonly clock: Clock;
  private readonly random: () => number;
  /** One row a given input, in the order given; the result. */
  private readonly rows: BulkRow[];
  /** Indexes of the rows still to send, next first (a row to retry goes back to the front). */
  private readonly queue: number[];
  /** Calls sent and not answered yet. */
  private inFlight = 0;
  /** Nothing is sent before this time (ms): the cooldown the last 429 announced. */
  private cooldownUntil = 0;
  /** Cooldown 429s each row has received, so a server that never lets go fails the row in the end. */
  private readonly rateLimitRetries = new Map<number, number>();
  /** Rows that had their one retry after a server or network error. */
  private readonly retriedOnce = new Set<number>();
  /** Why the run stopped (daily limit reached, key refused, tool disabled, cancelled), once it has. */
  private stopped: StopReason | undefined;
  /** The answer that stopped the run, for the user. */
  private stopMessage: string | undefined;
  /** Cooldown 429s received. */
  private rateLimited = 0;
  /** Why nothing is being sent right now, for the progress ("cooldown 4 s"). */
  private waiting: string | undefined;
  /** Workers waiting for a call in flight to end. */
  private wakers: (() => void)[] = [];
  /** Aborted on any stop; only the user's cancel (options.signal) aborts calls in flight. */
  private readonly stopper = new AbortController();
  /** Aborts on any stop or cancel: wakes sleeping workers. */
  private readonly halt: AbortSignal;

  constructor(private readonly options: BulkRunOptions) {
    this.tool = options.tool;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.rows = options.inputs.map((sent) => ({ sent, status: 'not-run', attempts: 0 }));
    this.queue = this.rows.map((_, index) => index);
    this.halt = options.signal ? AbortSignal.any([options.signal, this.stopper.signal]) : this.stopper.signal;
  }

  /** Sends every row (or stops), then marks the rows not sent with the reason. Once per instance. */
  async run(): Promise<BulkRunResult> {
    const { signal, concurrency } = this.options;
    if (signal?.aborted) this.stop('cancelled');
    signal?.addEventListener('abort', this.onCancel, { once: true });
    try {
      this.report();
      const workers = Math.max(1, Math.min(concurrency, this.rows.length));
      await Promise.all(Array.from({ length: workers }, () => this.worker()));
    } finally {
      signal?.removeEventListener('abort', this.onCancel);
    }
    for (const row of this.rows) {
      if (row.status === 'not-run' && !row.notRun) row.notRun = NOT_RUN_TEXT[this.stopped ?? 'cancelled'];
    }
    this.waiting = undefined;
    this.report();
    const { rows, rateLimited, stopped, stopMessage } = this;
    return { rows, rateLimited, ...(stopped && { stopped }), ...(stopMessage && { stopMessage }) };
  }

  private readonly onCancel = (): void => this.stop('cancelled');

  private stop(reason: StopReason, message?: string): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.stopMessage = message;
    this.stopper.abort();
    this.release();
  }

  /** One worker: takes rows from the queue until it is empty or the run stops. */
  private async worker(): Promise<void> {
    const { runner } = this.options;
    while (!this.halt.aborted) {
      const index = this.queue.shift();
      if (index === undefined) return;
      const row = this.rows[index];
      if ((await runner.isCached({ tool: this.tool, input: row.sent })) && (await this.answeredFromCache(index))) continue;
      if (!(await this.acquire())) {
        this.queue.unshift(index);
        return;
      }
      const sentWhilePaced = this.options.pacing.intervalMs(this.tool) !== undefined;
      let run: ToolRun;
      try {
        run = (await this.call(row)).run;
      } finally {
        // Freed in the same step that settles the answer below: a worker woken here must see
        // this call's success time, or it would send before the pacing interval and earn a 429.
        this.inFlight--;
        this.release();
      }
      if (!run.ok && retriable(run) && !this.retriedOnce.has(index) && !this.halt.aborted) {
        await this.retryLater(index, run);
        continue;
      }
      this.settle(index, run, sentWhilePaced);
      this.report();
    }
  }

  /** A cached row is answered without a slot or a wait; false if the cache had lost it meanwhile. */
  private async answeredFromCache(index: number): Promise<boolean> {
    const { run } = await this.options.runner.run({ tool: this.tool, input: this.rows[index].sent, signal: this.options.signal });
    if (!run.ok || !run.cached) return false;
    this.settle(index, run);
    this.report();
    return true;
  }

  /** One real call for `row`, in the slot acquire() took (the caller frees it). */
  private call(row: BulkRow): Promise<RunOutcome> {
    row.attempts++;
    return this.options.runner.run({ tool: this.tool, input: row.sent, signal: this.options.signal });
  }

  /** One more try after a jittered pause, so parallel clients do not retry in step. */
  private async retryLater(index: number, run: Extract<ToolRun, { ok: false }>): Promise<void> {
    this.retriedOnce.add(index);
    this.rows[index].run = run;
    this.waiting = `retrying after ${run.error.kind === 'server' ? 'a server error' : 'a network error'}`;
    this.report();
    await this.clock.sleep(BACKOFF_MS * (0.5 + this.random()), this.halt);
    this.queue.unshift(index);
  }

  /** Waits for a free slot outside any cooldown and pacing gap; false when the run stopped. */
  private async acquire(): Promise<boolean> {
    for (;;) {
      if (this.halt.aborted) return false;
      const lock = this.options.states.blockingState(this.tool);
      if (lock?.kind === 'cooling-down' && lock.daily) {
        this.stop('daily-limit', lock.message);
        return false;
      }
      const now = this.clock.now();
      const until = Math.max(this.cooldownUntil, lock?.kind === 'cooling-down' ? lock.until : 0, this.pacedUntil());
      if (until > now) {
        this.waiting = `cooldown ${secondsUntil(until, now)} s`;
        this.report();
        await this.clock.sleep(until - now, this.halt);
        continue;
      }
      if (this.inFlight >= this.maxInFlight()) {
        await this.released();
        continue;
      }
      this.inFlight++;
      this.waiting = undefined;
      return true;
    }
  }

  /** When the learned interval after the last success ends (0: no interval known). */
  private pacedUntil(): number {
    const interval = this.options.pacing.intervalMs(this.tool);
    const lastSuccessEnd = this.options.pacing.lastSuccessAt(this.tool);
    return interval !== undefined && lastSuccessEnd !== undefined ? lastSuccessEnd + interval : 0;
  }

  /** A tool with a known cooldown takes one call at a time: a second would only earn a 429. */
  private maxInFlight(): number {
    return this.options.pacing.intervalMs(this.tool) !== undefined ? 1 : this.options.concurrency;
  }

  private released(): Promise<void> {
    return new Promise<void>((resolve) => {
      // Stopping wakes everyone through release() too (see stop), so no abort listener piles up here.
      this.wakers.push(resolve);
    });
  }

  private release(): void {
    const waiters = this.wakers;
    this.wakers = [];
    for (const wake of waiters) wake();
  }

  /** Records an answer on its row; a 429 puts the row back in the queue, a daily limit, 401 or 403 stops the run. */
  private settle(index: number, run: ToolRun, sentWhilePaced = false): void {
    const row = this.rows[index];
    if (run.ok) {
      row.status = run.cached ? 'cached' : 'ok';
      row.run = run;
      if (!run.cached) this.options.pacing.noteSuccess(this.tool, this.clock.now(), sentWhilePaced);
      return;
    }
    const error = run.error;
    switch (error.kind) {
      case 'cancelled':
        row.notRun = NOT_RUN_TEXT[this.stopped ?? 'cancelled'];
        return;
      case 'rate-limit':
        if (error.daily) {
          row.notRun = NOT_RUN_TEXT['daily-limit'];
          this.stop('daily-limit', error.message);
        } else this.coolDown(index, run, error.retryAfterSeconds, sentWhilePaced);
        return;
      case 'auth':
      case 'disabled':
        fail(row, run);
        this.stop(error.kind, error.message);
        return;
      default:
        fail(row, run);
    }
  }

  /** A cooldown 429: pause the queue, learn from it, and retry the row (up to MAX_RATE_LIMIT_RETRIES). */
  private coolDown(
    index: number,
    run: Extract<ToolRun, { ok: false }>,
    retryAfterSeconds: number | undefined,
    sentWhilePaced: boolean,
  ): void {
    const now = this.clock.now();
    const waitMs = (retryAfterSeconds ?? this.options.fallbackCooldownSeconds) * 1000;
    this.cooldownUntil = Math.max(this.cooldownUntil, now + waitMs);
    // Only a real 429 teaches the pacing; a local refusal repeats what is already known.
    if (run.status === 429) {
      this.rateLimited++;
      const { pacing } = this.options;
      const lastSuccessEnd = pacing.lastSuccessAt(this.tool);
      pacing.learn(this.tool, lastSuccessEnd === undefined ? undefined : now - lastSuccessEnd, waitMs, sentWhilePaced);
    }
    const retries = (this.rateLimitRetries.get(index) ?? 0) + 1;
    this.rateLimitRetries.set(index, retries);
    if (retries <= MAX_RATE_LIMIT_RETRIES) this.queue.unshift(index);
    else fail(this.rows[index], run);
  }

  /** Progress: rows done, cached and failed so far, and why nothing is sent right now. */
  private report(): void {
    let done = 0;
    let cached = 0;
    let failed = 0;
    for (const row of this.rows) {
      if (row.status !== 'not-run') done++;
      if (row.status === 'cached') cached++;
      if (row.status === 'failed') failed++;
    }
    const waiting = this.waiting;
    this.options.onProgress?.({ total: this.rows.length, done, cached, failed, ...(waiting && { waiting }) });
  }
}

function fail(row: BulkRow, run: ToolRun): void {
  row.status = 'failed';
  row.run = run;
}

function retriable(run: Extract<ToolRun, { ok: false }>): boolean {
  return run.error.kind === 'server' || run.error.kind === 'network' || run.error.kind === 'timeout';
}
