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
export async function runBulk(options: BulkRunOptions): Promise<BulkRunResult> {
  const { runner, tool, pacing } = options;
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const rows: BulkRow[] = options.inputs.map((sent) => ({ sent, status: 'not-run', attempts: 0 }));
  const queue = rows.map((_, index) => index);
  const rateLimitRetries = new Map<number, number>();
  const retriedOnce = new Set<number>();
  // `halt` wakes waiting workers on any stop; only the user's cancel aborts calls in flight.
  const stopper = new AbortController();
  const halt = options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal;
  let stopped: StopReason | undefined;
  let stopMessage: string | undefined;
  let rateLimited = 0;
  let inFlight = 0;
  let pausedUntil = 0;
  let waiting: string | undefined;
  let wakers: (() => void)[] = [];

  const stop = (reason: StopReason, message?: string) => {
    if (stopped) return;
    stopped = reason;
    stopMessage = message;
    stopper.abort();
    release();
  };
  const onCancel = () => stop('cancelled');

  const report = () => {
    let done = 0;
    let cached = 0;
    let failed = 0;
    for (const row of rows) {
      if (row.status !== 'not-run') done++;
      if (row.status === 'cached') cached++;
      if (row.status === 'failed') failed++;
    }
    options.onProgress?.({ total: rows.length, done, cached, failed, ...(waiting && { waiting }) });
  };
  const released = () =>
    new Promise<void>((resolve) => {
      // Stopping wakes everyone through release() too (see stop), so no abort listener piles up here.
      wakers.push(resolve);
    });
  const release = () => {
    const waiters = wakers;
    wakers = [];
    for (const wake of waiters) wake();
  };

  /** Waits for a free slot outside any cooldown and pacing gap; false when the run stopped. */
  const acquire = async (): Promise<boolean> => {
    for (;;) {
      if (halt.aborted) return false;
      const lock = options.states.blockingState(tool);
      if (lock?.kind === 'cooling-down' && lock.daily) {
        stop('daily-limit', lock.message);
        return false;
      }
      const now = clock.now();
      const interval = pacing.intervalMs(tool);
      const lastSuccessEnd = pacing.lastSuccessAt(tool);
      const until = Math.max(
        pausedUntil,
        lock?.kind === 'cooling-down' ? lock.until : 0,
        interval !== undefined && lastSuccessEnd !== undefined ? lastSuccessEnd + interval : 0,
      );
      if (until > now) {
        waiting = `cooldown ${secondsUntil(until, now)} s`;
        report();
        await clock.sleep(until - now, halt);
        continue;
      }
      // A tool with a known cooldown takes one call at a time: a second would only earn a 429.
      if (inFlight >= (interval !== undefined ? 1 : options.concurrency)) {
        await released();
        continue;
      }
      inFlight++;
      waiting = undefined;
      return true;
    }
  };

  const settle = (index: number, run: ToolRun, sentWhilePaced = false): void => {
    const row = rows[index];
    const now = clock.now();
    if (run.ok) {
      row.status = run.cached ? 'cached' : 'ok';
      row.run = run;
      if (!run.cached) pacing.noteSuccess(tool, now, sentWhilePaced);
      return;
    }
    const error = run.error;
    switch (error.kind) {
      case 'cancelled':
        row.notRun = NOT_RUN_TEXT[stopped ?? 'cancelled'];
        return;
      case 'rate-limit': {
        if (error.daily) {
          row.notRun = NOT_RUN_TEXT['daily-limit'];
          stop('daily-limit', error.message);
          return;
        }
        const waitMs = (error.retryAfterSeconds ?? options.fallbackCooldownSeconds) * 1000;
        pausedUntil = Math.max(pausedUntil, now + waitMs);
        // Only a real 429 teaches the pacing; a local refusal repeats what is already known.
        if (run.status === 429) {
          rateLimited++;
          const lastSuccessEnd = pacing.lastSuccessAt(tool);
          pacing.learn(tool, lastSuccessEnd === undefined ? undefined : now - lastSuccessEnd, waitMs, sentWhilePaced);
        }
        const retries = (rateLimitRetries.get(index) ?? 0) + 1;
        rateLimitRetries.set(index, retries);
        if (retries <= MAX_RATE_LIMIT_RETRIES) queue.unshift(index);
        else fail(row, run);
        return;
      }
      case 'auth':
      case 'disabled':
        fail(row, run);
        stop(error.kind, error.message);
        return;
      default:
        fail(row, run);
    }
  };

  const worker = async (): Promise<void> => {
    while (!halt.aborted) {
      const index = queue.shift();
      if (index === undefined) return;
      const row = rows[index];
      if (await runner.isCached({ tool, input: row.sent })) {
        const { run } = await runner.run({ tool, input: row.sent, signal: options.signal });
        if (run.ok && run.cached) {
          settle(index, run);
          report();
          continue;
        }
      }
      if (!(await acquire())) {
        queue.unshift(index);
        return;
      }
      let run: ToolRun;
      const sentWhilePaced = pacing.intervalMs(tool) !== undefined;
      try {
        row.attempts++;
        run = (await runner.run({ tool, input: row.sent, signal: options.signal })).run;
      } finally {
        inFlight--;
        release();
      }
      if (!run.ok && retriable(run) && !retriedOnce.has(index) && !halt.aborted) {
        // One more try after a jittered pause, so parallel clients do not retry in step.
        retriedOnce.add(index);
        row.run = run;
        waiting = `retrying after ${run.error.kind === 'server' ? 'a server error' : 'a network error'}`;
        report();
        await clock.sleep(BACKOFF_MS * (0.5 + random()), halt);
        queue.unshift(index);
        continue;
      }
      settle(index, run, sentWhilePaced);
      report();
    }
  };

  if (options.signal?.aborted) stop('cancelled');
  options.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    report();
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, rows.length)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
  for (const row of rows) {
    if (row.status === 'not-run' && !row.notRun) row.notRun = NOT_RUN_TEXT[stopped ?? 'cancelled'];
  }
  waiting = undefined;
  report();
  return { rows, rateLimited, ...(stopped && { stopped }), ...(stopMessage && { stopMessage }) };
}

function fail(row: BulkRow, run: ToolRun): void {
  row.status = 'failed';
  row.run = run;
}

function retriable(run: Extract<ToolRun, { ok: false }>): boolean {
  return run.error.kind === 'server' || run.error.kind === 'network' || run.error.kind === 'timeout';
}
