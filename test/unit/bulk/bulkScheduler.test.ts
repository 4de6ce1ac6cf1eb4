import * as assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { runBulk, type BulkProgress, type BulkRunOptions } from '../../../src/core/bulk/bulkScheduler';
import { PacingBook, STEP_BACK_AFTER } from '../../../src/core/bulk/pacing';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { ToolRunner } from '../../../src/core/run/toolRunner';
import { fakeClock, type FakeClock } from '../support/fakeClock';

const KEY = 'nx-bulk-test-key-0001112223';
const ips = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => `8.8.${Math.floor((i + from) / 250)}.${((i + from) % 250) + 1}`);

describe('runBulk (fake clock, real runner, emulator)', () => {
  let emulator: Emulator;
  let clock: FakeClock;
  let states: ToolStateTracker;
  let runner: ToolRunner;
  let pacing: PacingBook;
  let fallbackSeconds: number;

  before(async () => {
    clock = fakeClock(Date.UTC(2026, 10, 26, 12, 0, 0));
    emulator = await startEmulator({ keys: [KEY], now: () => clock.now() });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    fallbackSeconds = 60;
    clock.time += 86_400_000; // a fresh day: no cooldown or daily count carried over
    states = new ToolStateTracker({ clock, fallbackCooldownSeconds: () => fallbackSeconds });
    runner = new ToolRunner({
      catalog: () => buildCatalog([]),
      settings: () => ({ baseUrl: emulator.url, timeoutMs: 5000, cacheTtlSeconds: 600 }),
      apiKey: async () => KEY,
      states,
      clock,
    });
    pacing = new PacingBook();
  });

  const bulk = (inputs: string[], extra: Partial<BulkRunOptions> = {}) =>
    runBulk({
      runner: clock.track(runner),
      states,
      pacing,
      tool: 'gl_ping',
      inputs,
      concurrency: 2,
      fallbackCooldownSeconds: fallbackSeconds,
      clock,
      random: () => 0.5,
      ...extra,
    });

  const pacedRun = async (hint: string) => {
    const started = clock.now();
    const result = await bulk(ips(10));
    const elapsed = clock.now() - started;
    assert.deepEqual(
      result.rows.map((row) => row.status),
      Array(10).fill('ok'),
      hint,
    );
    assert.ok(result.rateLimited >= 1 && result.rateLimited <= 2, `${hint}: ${result.rateLimited} 429s`);
    assert.equal(emulator.requests.length, 10 + result.rateLimited, `${hint}: every call is a unique input or a 429`);
    assert.equal(emulator.requests.filter((request) => request.status === 429).length, result.rateLimited);
    return elapsed;
  };

  it('learns a Retry-After cooldown from the first 429 and spaces the rest', async () => {
    emulator.configure({ cooldownSeconds: 1 });
    const elapsed = await pacedRun('Retry-After');
    assert.ok(elapsed >= 9000 && elapsed <= 9 * 1000 * 1.1, `virtual time ${elapsed} ms for 9 cooldowns of 1 s`);
    assert.ok(pacing.intervalMs('gl_ping')! >= 1000 && pacing.intervalMs('gl_ping')! <= 1100);
  });

  it('learns a cooldown announced only in the message', async () => {
    emulator.configure({ cooldownSeconds: 2, retryAfterHeader: false });
    const elapsed = await pacedRun('message');
    assert.ok(elapsed >= 18_000 && elapsed <= 9 * 2000 * 1.1, `virtual time ${elapsed} ms`);
  });

  it('falls back to cooldownFallbackSeconds when a 429 gives no hint, then paces with it', async () => {
    emulator.configure({ cooldownSeconds: 1, retryAfterHeader: false, retryHintInMessage: false });
    fallbackSeconds = 2;
    const elapsed = await pacedRun('no hint');
    assert.ok(elapsed >= 9 * 2000 && elapsed <= 9 * 2000 * 1.1, `paced by the 2 s fallback: ${elapsed} ms`);
  });

  it('uses what an earlier run learned: no 429 at all the second time', async () => {
    emulator.configure({ cooldownSeconds: 1 });
    await bulk(ips(3));
    const before = emulator.requests.length;
    const second = await bulk(ips(4, 100));
    assert.equal(second.rateLimited, 0);
    assert.equal(emulator.requests.length - before, 4);
  });

  it('an interval grown by earlier 429s steps back toward the announced cooldown over a clean run', async () => {
    emulator.configure({ cooldownSeconds: 1 });
    const floor = pacing.learn('gl_ping', 0, 1000, false);
    pacing.learn('gl_ping', 0, 1000, true);
    const grown = pacing.learn('gl_ping', 0, 1000, true);
    const result = await bulk(ips(STEP_BACK_AFTER * 2 + 1, 300));
    assert.equal(result.rateLimited, 0, 'the shorter interval still respects the cooldown');
    assert.ok(result.rows.every((row) => row.status === 'ok'));
    assert.equal(pacing.intervalMs('gl_ping'), floor, `stepped back from ${grown} ms to the announced 1 s + margin`);
  });

  it('stops at a daily-limit 429: the rest are "not run (daily limit)"', async () => {
    emulator.configure({ dailyLimit: 3 });
    const result = await bulk(ips(8), { concurrency: 1 });
    assert.equal(result.stopped, 'daily-limit');
    assert.deepEqual(
      result.rows.map((row) => row.status),
      ['ok', 'ok', 'ok', 'not-run', 'not-run', 'not-run', 'not-run', 'not-run'],
    );
    assert.ok(result.rows.slice(3).every((row) => row.notRun === 'daily limit'));
    assert.equal(emulator.requests.length, 4, 'one 429, then nothing more');
  });

  it('a run started while a daily limit is already known stops at once: nothing sent, no wait for midnight', async () => {
    emulator.configure({ dailyLimit: 1 });
    assert.equal((await bulk(ips(2), { concurrency: 1 })).stopped, 'daily-limit');
    const sent = emulator.requests.length;
    const started = clock.now();
    const result = await bulk(ips(3, 50));
    assert.equal(result.stopped, 'daily-limit');
    assert.ok(
      result.rows.every((row) => row.status === 'not-run' && row.notRun === 'daily limit'),
      JSON.stringify(result.rows),
    );
    assert.equal(emulator.requests.length, sent, 'nothing was sent');
    assert.equal(clock.now(), started, 'no wait: the run did not sleep until the limit resets');
  });

  it('cancel mid-run: no new call, every answer received kept, the rest "not run (cancelled)"', async () => {
    emulator.configure({ cooldownSeconds: 1 });
    const controller = new AbortController();
    const onProgress = (progress: BulkProgress) => {
      if (progress.done === 3) controller.abort();
    };
    const result = await bulk(ips(8), { signal: controller.signal, onProgress });
    assert.equal(result.stopped, 'cancelled');
    const ok = result.rows.filter((row) => row.status === 'ok');
    assert.equal(ok.length, 3);
    assert.ok(
      ok.every((row) => row.run?.ok && (row.run.data as { ip: string }).ip === row.sent),
      'answers kept with their rows',
    );
    assert.ok(result.rows.filter((row) => row.status === 'not-run').every((row) => row.notRun === 'cancelled'));
    const calls = emulator.requests.length;
    assert.equal(calls, 3 + result.rateLimited, 'no call after cancel');
  });

  it('retries a 5xx once after a backoff, then records it as failed', async () => {
    emulator.injectFault({ type: 'status', status: 503, body: { error: 'busy' } });
    emulator.injectFault({ type: 'status', status: 502, sticky: true, tool: 'other_tool' });
    const once = await bulk(ips(1));
    assert.equal(once.rows[0].status, 'ok');
    assert.equal(once.rows[0].attempts, 2);
    emulator.reset();
    emulator.injectFault({ type: 'status', status: 503, body: { error: 'busy' }, sticky: true });
    const twice = await bulk(ips(1, 50));
    assert.equal(twice.rows[0].status, 'failed');
    assert.equal(twice.rows[0].attempts, 2);
    assert.equal(emulator.requests.length, 2);
  });

  it('records 400 on its row without retrying, and goes on', async () => {
    emulator.injectFault({ type: 'status', status: 400, body: { error: 'bad ip' } });
    const result = await bulk(ips(3), { concurrency: 1 });
    assert.deepEqual(
      result.rows.map((row) => row.status),
      ['failed', 'ok', 'ok'],
    );
    assert.equal(result.rows[0].attempts, 1);
    assert.equal(emulator.requests.length, 3);
  });

  it('stops on 401: the rest are not run', async () => {
    emulator.revokeKey(KEY);
    try {
      const result = await bulk(ips(4), { concurrency: 1 });
      assert.equal(result.stopped, 'auth');
      assert.deepEqual(
        result.rows.map((row) => row.status),
        ['failed', 'not-run', 'not-run', 'not-run'],
      );
      assert.equal(emulator.requests.length, 1);
    } finally {
      emulator.addKey(KEY);
    }
  });

  it('answers cached inputs without a call or a wait', async () => {
    emulator.configure({ cooldownSeconds: 1 });
    await bulk(ips(2));
    const calls = emulator.requests.length;
    const started = clock.now();
    const again = await bulk(ips(2));
    assert.deepEqual(
      again.rows.map((row) => row.status),
      ['cached', 'cached'],
    );
    assert.equal(emulator.requests.length, calls);
    assert.equal(clock.now(), started);
  });
});
