import * as assert from 'node:assert/strict';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { UsageMeter } from '../../../src/core/run/usageMeter';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';
import { fakeClock } from '../support/fakeClock';

const KEY = 'nx-usage-test-key-0001112223';

describe('usage meter (counted by the runner)', () => {
  const emulator = useSharedEmulator(KEY);

  it('counts every real call per tool, not cached answers or local refusals, and keeps rate.remaining', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 26, 23, 59, 0));
    const usage = new UsageMeter(clock);
    const runner = testRunner({
      settings: () => ({ baseUrl: emulator().url, timeoutMs: 5000, cacheTtlSeconds: 60 }),
      apiKey: async () => KEY,
      states: new ToolStateTracker({ clock }),
      clock,
      usage,
    });
    emulator().configure({ dailyLimit: 3 });
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' }); // cached
    await runner.run({ tool: 'gl_ping', input: 'not an ip' }); // refused locally
    await runner.run({ tool: 'breaches_search', input: 'alice@example.com' });
    assert.deepEqual({ ...usage.today().perTool }, { gl_ping: 1, breaches_search: 1 });
    assert.equal(usage.today().remaining, 1, 'rate.remaining from the breach search answer');
    assert.equal(usage.today().dailyLimitHit, false);
    await runner.run({ tool: 'gl_ping', input: '1.1.1.1' });
    await runner.run({ tool: 'gl_ping', input: '9.9.9.9' }); // daily 429: a real call
    await runner.run({ tool: 'gl_ping', input: '9.9.9.8' }); // refused locally: the lock is known
    assert.equal(usage.today().total, emulator().requests.length);
    assert.equal(usage.today().dailyLimitHit, true);
    clock.advance(120_000);
    assert.equal(usage.today().total, 0, 'a new UTC day starts at zero');
    assert.equal(usage.today().dailyLimitHit, false);
  });
});

describe('usage meter (kept across reloads in a store)', () => {
  const noon = Date.UTC(2026, 10, 26, 12, 0, 0);
  /** A store like globalState: keeps what was written, as JSON (so nothing is shared by reference). */
  const memoryStore = (initial?: unknown) => {
    let saved = initial === undefined ? undefined : JSON.stringify(initial);
    let reads = 0;
    return {
      read: () => {
        reads++;
        return saved === undefined ? undefined : (JSON.parse(saved) as unknown);
      },
      write: (usage: object) => void (saved = JSON.stringify(usage)),
      saved: () => (saved === undefined ? undefined : (JSON.parse(saved) as Record<string, unknown>)),
      reads: () => reads,
    };
  };

  it('a new meter on the same UTC day (a reload) goes on from the saved counts', () => {
    const store = memoryStore();
    const before = new UsageMeter(fakeClock(noon), store);
    before.record({ tool: 'gl_ping' });
    before.record({ tool: 'gl_ping' });
    before.record({ tool: 'breaches_search', remaining: 4 });
    before.record({ tool: 'gl_ping', dailyLimit: true });
    assert.deepEqual(store.saved(), {
      day: '2026-11-26',
      total: 4,
      perTool: { gl_ping: 3, breaches_search: 1 },
      remaining: 4,
      dailyLimitHit: true,
    });

    const after = new UsageMeter(fakeClock(noon + 3_600_000), store);
    assert.equal(after.today().total, 4);
    assert.deepEqual({ ...after.today().perTool }, { gl_ping: 3, breaches_search: 1 });
    assert.equal(after.today().remaining, 4);
    assert.equal(after.today().dailyLimitHit, true);
    after.record({ tool: 'gl_ping' });
    assert.equal(after.today().total, 5);
    assert.deepEqual(store.saved()?.perTool, { gl_ping: 4, breaches_search: 1 });
  });

  it('ignores counts saved on another day', () => {
    const store = memoryStore({ day: '2026-11-25', total: 9, perTool: { gl_ping: 9 }, remaining: 0, dailyLimitHit: true });
    const usage = new UsageMeter(fakeClock(noon), store);
    assert.equal(usage.today().day, '2026-11-26');
    assert.equal(usage.today().total, 0);
    assert.deepEqual({ ...usage.today().perTool }, {});
    assert.equal(usage.today().remaining, undefined);
    assert.equal(usage.today().dailyLimitHit, false);
  });

  for (const [what, saved] of [
    ['not an object', 'gl_ping: 3'],
    ['a count that is not a whole number', { day: '2026-11-26', total: 3, perTool: { gl_ping: 'three' }, dailyLimitHit: false }],
    ['a negative count', { day: '2026-11-26', total: -1, perTool: { gl_ping: -1 }, dailyLimitHit: false }],
    ['a day in another format', { day: '26.11.2026', total: 3, perTool: { gl_ping: 3 }, dailyLimitHit: false }],
    ['no day', { total: 3, perTool: { gl_ping: 3 }, dailyLimitHit: false }],
  ] as const) {
    it(`ignores saved counts that do not fit: ${what}`, () => {
      const usage = new UsageMeter(fakeClock(noon), memoryStore(saved));
      assert.equal(usage.today().total, 0);
      assert.deepEqual({ ...usage.today().perTool }, {});
      usage.record({ tool: 'gl_ping' });
      assert.equal(usage.today().total, 1, 'counting goes on from zero');
    });
  }

  it('reads nothing when it is built (activation)', () => {
    const store = memoryStore({ day: '2026-11-26', total: 2, perTool: { gl_ping: 2 }, dailyLimitHit: false });
    const usage = new UsageMeter(fakeClock(noon), store);
    assert.equal(store.reads(), 0, 'nothing read at construction');
    usage.record({ tool: 'gl_ping' });
    assert.equal(usage.today().total, 3);
  });

  it('two windows sharing the store add up their calls instead of overwriting each other', () => {
    const store = memoryStore();
    const first = new UsageMeter(fakeClock(noon), store);
    const second = new UsageMeter(fakeClock(noon), store);
    first.record({ tool: 'gl_ping' });
    first.record({ tool: 'gl_ping' });
    second.record({ tool: 'gl_ping' });
    second.record({ tool: 'breaches_search', remaining: 7 });
    first.record({ tool: 'gl_ping', dailyLimit: true });
    assert.deepEqual(store.saved(), {
      day: '2026-11-26',
      total: 5,
      perTool: { gl_ping: 4, breaches_search: 1 },
      remaining: 7,
      dailyLimitHit: true,
    });
    // The second window sees the first one's later call when it looks (the status bar on focus).
    assert.equal(second.today().total, 5);
    assert.deepEqual({ ...second.today().perTool }, { gl_ping: 4, breaches_search: 1 });
    assert.equal(second.today().dailyLimitHit, true);
  });

  it("announces another window's calls when it takes them in, once", () => {
    const store = memoryStore();
    const mine = new UsageMeter(fakeClock(noon), store);
    const other = new UsageMeter(fakeClock(noon), store);
    let changes = 0;
    mine.onDidChange(() => changes++);
    mine.record({ tool: 'gl_ping' });
    assert.equal(changes, 1);
    assert.equal(mine.today().total, 1);
    assert.equal(changes, 1, 'its own saved counts are no news');
    other.record({ tool: 'gl_ping' });
    assert.equal(mine.today().total, 2);
    assert.equal(changes, 2, "the other window's call is");
    mine.today();
    assert.equal(changes, 2);
  });

  it('a window whose saved counts were overwritten by a late write keeps the larger count of each tool', () => {
    const store = memoryStore();
    const usage = new UsageMeter(fakeClock(noon), store);
    usage.record({ tool: 'gl_ping' });
    usage.record({ tool: 'gl_ping' });
    usage.record({ tool: 'gl_ping' });
    store.write({ day: '2026-11-26', total: 2, perTool: { gl_ping: 1, breaches_search: 1 }, dailyLimitHit: false });
    assert.deepEqual({ ...usage.today().perTool }, { gl_ping: 3, breaches_search: 1 });
    assert.equal(usage.today().total, 4);
  });

  it('a saved tool named __proto__ is dropped, not made a prototype', () => {
    const saved = JSON.parse('{"day":"2026-11-26","total":3,"perTool":{"__proto__":1,"gl_ping":2},"dailyLimitHit":false}') as unknown;
    const usage = new UsageMeter(fakeClock(noon), memoryStore(saved));
    assert.equal(Object.getPrototypeOf(usage.today().perTool), null);
    assert.deepEqual(Object.entries(usage.today().perTool), [['gl_ping', 2]]);
    assert.equal(usage.today().total, 2, 'the total is what the kept tools add up to');
  });
});
