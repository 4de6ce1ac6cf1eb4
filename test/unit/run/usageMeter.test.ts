import * as assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { ToolRunner } from '../../../src/core/run/toolRunner';
import { UsageMeter } from '../../../src/core/run/usageMeter';

const KEY = 'nx-usage-test-key-0001112223';

describe('usage meter (counted by the runner)', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ keys: [KEY] });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('counts every real call per tool, not cached answers or local refusals, and keeps rate.remaining', async () => {
    let clock = Date.UTC(2026, 10, 26, 23, 59, 0);
    const usage = new UsageMeter(() => clock);
    const runner = new ToolRunner({
      catalog: () => buildCatalog([]),
      settings: () => ({ baseUrl: emulator.url, timeoutMs: 5000, cacheTtlSeconds: 60 }),
      apiKey: async () => KEY,
      states: new ToolStateTracker({ now: () => clock }),
      now: () => clock,
      usage,
    });
    emulator.configure({ dailyLimit: 3 });
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
    assert.equal(usage.today().total, emulator.requests.length);
    assert.equal(usage.today().dailyLimitHit, true);
    clock += 120_000;
    assert.equal(usage.today().total, 0, 'a new UTC day starts at zero');
    assert.equal(usage.today().dailyLimitHit, false);
  });
});
