import * as assert from 'node:assert/strict';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { parseNeverSendList } from '../../../src/core/neverSend/neverSendList';
import { stableJson, type RunnerSettings, type ToolRunner } from '../../../src/core/run/toolRunner';
import { failed } from '../../util/failed';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';
import { fakeClock, type FakeClock } from '../support/fakeClock';

const KEY = 'nx-runner-test-key-000111222';

describe('ToolRunner', () => {
  const emulator = useSharedEmulator(KEY);
  let settings: RunnerSettings;
  let key: string | undefined;
  let clock: FakeClock;
  let states: ToolStateTracker;
  let runner: ToolRunner;

  beforeEach(() => {
    settings = { baseUrl: emulator().url, timeoutMs: 5000, cacheTtlSeconds: 60 };
    key = KEY;
    clock = fakeClock(Date.now());
    states = new ToolStateTracker({ clock });
    runner = testRunner({
      settings: () => settings,
      apiKey: async () => key,
      states,
      clock,
    });
  });

  it('puts a string input into the tool primary field', async () => {
    const { run, input } = await runner.run({ tool: 'gl_ping', input: ' "1.1.1.1", ' });
    assert.equal(run.ok, true);
    assert.equal(input, '1.1.1.1');
    assert.deepEqual(emulator().requests[0].body, { ip: '1.1.1.1' });
  });

  it('strips a port and sends an IPv6 address without brackets', async () => {
    await runner.run({ tool: 'gl_ping', input: '[2606:4700:4700::1111]:443' });
    assert.deepEqual(emulator().requests[0].body, { ip: '2606:4700:4700::1111' });
  });

  it('the never-send gate refuses a non-public address before any request, even without a list', async () => {
    const run = failed((await runner.run({ tool: 'gl_ping', input: '10.0.0.5' })).run);
    assert.equal(run.error.kind, 'never-send');
    assert.match(run.error.message, /10\.0\.0\.5 is a private address.*Nothing was sent/);
    const body = failed((await runner.run({ tool: 'breaches_search', input: { query: 'seen at 127.0.0.1' } })).run);
    assert.equal(body.error.kind, 'never-send');
    assert.equal(emulator().requests.length, 0);
  });

  it('the gate checks the list it is given, and lets one confirmed value through', async () => {
    const gated = testRunner({
      settings: () => settings,
      apiKey: async () => key,
      states,
      neverSend: () => ({ list: parseNeverSendList(['1.1.1.0/24', 'corp-example.com']) }),
    });
    assert.equal(failed((await gated.run({ tool: 'gl_ping', input: '1.1.1.1' })).run).error.kind, 'never-send');
    assert.equal(failed((await gated.run({ tool: 'breaches_search', input: 'a@vpn.corp-example.com' })).run).error.kind, 'never-send');
    assert.equal(emulator().requests.length, 0);
    assert.equal((await gated.run({ tool: 'gl_ping', input: '1.1.1.1', sendDespiteNeverSend: true })).run.ok, true);
    assert.equal(emulator().requests.length, 1);
    // Answered once, still refused without the confirmation: the cache is no way around the gate.
    assert.equal(failed((await gated.run({ tool: 'gl_ping', input: '1.1.1.1' })).run).error.kind, 'never-send');
  });

  it('refuses input of the wrong kind locally', async () => {
    const run = failed((await runner.run({ tool: 'gl_ping', input: '999.1.1.1' })).run);
    assert.equal(run.error.kind, 'validation');
    assert.equal(run.status, undefined);
    assert.equal(emulator().requests.length, 0);
  });

  it('refuses an unsafe tool name locally', async () => {
    const run = failed((await runner.run({ tool: '../admin', input: 'x' })).run);
    assert.equal(run.error.kind, 'validation');
    assert.equal(emulator().requests.length, 0);
  });

  it('answers a repeat from the cache, and fresh runs call again', async () => {
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    const cached = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
    assert.equal(cached.ok && cached.cached, true);
    assert.equal(emulator().requests.length, 1);
    const fresh = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8', fresh: true })).run;
    assert.equal(fresh.ok && !fresh.cached, true);
    assert.equal(emulator().requests.length, 2);
  });

  it('expires the cache after its TTL and never caches with TTL 0', async () => {
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    clock.advance(61_000);
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    assert.equal(emulator().requests.length, 2);
    settings.cacheTtlSeconds = 0;
    await runner.run({ tool: 'gl_ping', input: '9.9.9.9' });
    await runner.run({ tool: 'gl_ping', input: '9.9.9.9' });
    assert.equal(emulator().requests.length, 4);
  });

  it('does not serve one key the cached answer of another', async () => {
    emulator().addKey('nx-second-key-99999999');
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    key = 'nx-second-key-99999999';
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    assert.equal(emulator().requests.length, 2);
  });

  it('shares identical calls in flight', async () => {
    emulator().configure({ latencyMs: 200 });
    const runs = await Promise.all([1, 2, 3].map(() => runner.run({ tool: 'gl_ping', input: '8.8.8.8' })));
    assert.ok(runs.every(({ run }) => run.ok));
    assert.equal(emulator().requests.length, 1);
  });

  it('cancels one caller without cancelling the others of a shared call', async () => {
    emulator().configure({ latencyMs: 300 });
    const controller = new AbortController();
    const first = runner.run({ tool: 'gl_ping', input: '8.8.8.8', signal: controller.signal });
    const second = runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    await emulator().waitForArrival((request) => request.tool === 'gl_ping');
    controller.abort();
    assert.equal(failed((await first).run).error.kind, 'cancelled');
    assert.equal((await second).run.ok, true);
  });

  it('aborts the request when its only caller cancels', async () => {
    emulator().configure({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = runner.run({ tool: 'gl_ping', input: '8.8.8.8', signal: controller.signal });
    await emulator().waitForArrival((request) => request.tool === 'gl_ping');
    controller.abort();
    assert.equal(failed((await pending).run).error.kind, 'cancelled');
    const recorded = await emulator().waitForRequest((request) => request.tool === 'gl_ping');
    assert.equal(recorded.status, 0, 'the client went away before an answer');
  });

  it('respects a cooldown locally instead of calling again', async () => {
    emulator().configure({ cooldownSeconds: 30 });
    await runner.run({ tool: 'gl_ping', input: '1.1.1.1' });
    const limited = failed((await runner.run({ tool: 'gl_ping', input: '2.2.2.2' })).run);
    assert.equal(limited.error.kind, 'rate-limit');
    assert.equal(states.stateOf('gl_ping').kind, 'cooling-down');
    const local = failed((await runner.run({ tool: 'gl_ping', input: '3.3.3.3' })).run);
    assert.equal(local.error.kind, 'rate-limit');
    assert.match(local.error.message, /no request was sent/);
    assert.equal(emulator().requests.length, 2);
    clock.advance(31_000);
    emulator().reset();
    assert.equal((await runner.run({ tool: 'gl_ping', input: '3.3.3.3' })).run.ok, true, 'runs again once the cooldown is over');
  });

  it('Try Now sends one real call through a daily lock and lifts it when that call succeeds', async () => {
    emulator().configure({ dailyLimit: 1 });
    await runner.run({ tool: 'gl_ping', input: '1.1.1.1' });
    failed((await runner.run({ tool: 'gl_ping', input: '2.2.2.2' })).run);
    const lock = states.stateOf('gl_ping');
    assert.equal(lock.kind === 'cooling-down' && lock.daily, true, 'a daily lock');
    assert.match(failed((await runner.run({ tool: 'gl_ping', input: '2.2.2.2' })).run).error.message, /no request was sent/);
    assert.equal(emulator().requests.length, 2);

    // Still over the limit: the call is made, and the lock stays.
    const again = failed((await runner.run({ tool: 'gl_ping', input: '2.2.2.2', ignoreLocalLock: true })).run);
    assert.equal(again.status, 429);
    assert.equal(emulator().requests.length, 3);
    assert.equal(states.stateOf('gl_ping').kind, 'cooling-down');

    // The plan was upgraded: the same one call now succeeds and lifts the lock.
    emulator().configure({ dailyLimit: null });
    assert.equal((await runner.run({ tool: 'gl_ping', input: '2.2.2.2', ignoreLocalLock: true })).run.ok, true);
    assert.equal(emulator().requests.length, 4);
    assert.equal(states.stateOf('gl_ping').kind, 'ok');
    assert.equal((await runner.run({ tool: 'gl_ping', input: '3.3.3.3' })).run.ok, true, 'ordinary runs go through again');
  });

  it('learns disabled and unknown states from real answers only', async () => {
    emulator().configure({ disabledTools: ['gl_ping'] });
    assert.equal(states.stateOf('gl_ping').kind, 'idle');
    await runner.run({ tool: 'gl_ping', input: '1.1.1.1' });
    assert.equal(states.stateOf('gl_ping').kind, 'disabled');
    await runner.run({ tool: 'made_up', input: 'x' });
    assert.equal(states.stateOf('made_up').kind, 'unknown');
  });

  it('builds a stable cache key whatever the key order', () => {
    assert.equal(stableJson({ b: 1, a: { d: 2, c: 3 } }), stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
