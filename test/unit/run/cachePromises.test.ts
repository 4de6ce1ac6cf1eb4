import * as assert from 'node:assert/strict';
import type { RunnerSettings, ToolRunner } from '../../../src/core/run/toolRunner';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';

const KEY = 'nx-cache-promise-key-0a1b2c3d';
const OTHER_KEY = 'nx-cache-promise-key-9z8y7x6w';

/** What the answer cache promises: successes only, and never across base URLs or keys. */
describe('ToolRunner cache promises', () => {
  const first = useSharedEmulator(KEY, OTHER_KEY);
  const second = useSharedEmulator(KEY, OTHER_KEY);
  let settings: RunnerSettings;
  let key: string;
  let runner: ToolRunner;

  beforeEach(() => {
    settings = { baseUrl: first().url, timeoutMs: 5000, cacheTtlSeconds: 600 };
    key = KEY;
    runner = testRunner({
      settings: () => settings,
      apiKey: async () => key,
    });
  });

  for (const [name, fault] of [
    ['a 500', { type: 'status', status: 500 }],
    ['a 200 with HTML', { type: 'html', status: 200 }],
    ['an answer cut short', { type: 'short-body' }],
    ['a dropped connection', { type: 'reset' }],
  ] as const) {
    it(`never caches a failure (${name}): the next run asks again and succeeds`, async () => {
      first().injectFault(fault);
      const failed = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
      assert.equal(failed.ok, false);
      const again = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
      assert.equal(again.ok, true, JSON.stringify(again));
      assert.equal(again.ok && again.cached, undefined, 'the success came from the API, not the cache');
      assert.equal(first().requests.length, 2);
    });
  }

  it('never serves an answer cached for one base URL to another', async () => {
    assert.equal((await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run.ok, true);
    settings.baseUrl = second().url;
    const run = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
    assert.equal(run.ok && run.cached, undefined);
    assert.equal(second().requests.length, 1, 'the new base URL was asked');
  });

  it('never serves an answer cached for one key to another', async () => {
    assert.equal((await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run.ok, true);
    key = OTHER_KEY;
    const run = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
    assert.equal(run.ok && run.cached, undefined);
    assert.equal(first().requests.length, 2);
    assert.notEqual(first().requests[0]?.keyHash, first().requests[1]?.keyHash, 'the second call carried the other key');
  });

  it('does serve the same base URL and key from the cache (the promise above is not vacuous)', async () => {
    await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
    const run = (await runner.run({ tool: 'gl_ping', input: '8.8.8.8' })).run;
    assert.equal(run.ok && run.cached, true);
    assert.equal(first().requests.length, 1);
  });
});
