import * as assert from 'node:assert/strict';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { realClock } from '../../../src/core/clock';
import { MAX_CACHE_BYTES, MAX_CACHED_ANSWER_BYTES, ResultCache } from '../../../src/core/run/resultCache';
import { ToolRunner } from '../../../src/core/run/toolRunner';
import { fakeClock } from '../support/fakeClock';

const MB = 1024 * 1024;

/** The answer cache is bounded in bytes as well as in entries: large answers cannot pile up in memory. */
describe('answer cache byte budget', () => {
  const cacheOf = (maxBytes: number, maxEntryBytes: number, maxEntries = 5000) =>
    new ResultCache<string>(
      () => 3_600_000,
      realClock,
      () => maxEntries,
      { maxBytes, maxEntryBytes },
    );
  const keys = (cache: ResultCache<string>) => cache.snapshot().map(([key]) => key);

  it('has named limits: 64 MB in all, 8 MB per answer', () => {
    assert.equal(MAX_CACHE_BYTES, 64 * MB);
    assert.equal(MAX_CACHED_ANSWER_BYTES, 8 * MB);
  });

  it('evicts the oldest answers once the bytes exceed the budget, whatever the count allows', () => {
    const cache = cacheOf(100, 60);
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    assert.deepEqual(keys(cache), ['a', 'b']);
    cache.set('c', 'C', 40);
    assert.deepEqual(keys(cache), ['b', 'c'], 'the oldest went first');
    assert.equal(cache.size, 80);
    cache.set('b', 'B2', 10);
    assert.deepEqual(keys(cache), ['c', 'b'], 'replacing counts the new size only');
    assert.equal(cache.size, 50);
  });

  it('does not cache one answer above the per-answer cap, and drops what it replaced', () => {
    const cache = cacheOf(100, 60);
    cache.set('a', 'A', 10);
    cache.set('a', 'A-huge', 61);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('keeps counting right through expiry, clear and restore', () => {
    const clock = fakeClock(1_000_000);
    const cache = new ResultCache<string>(
      () => 1000,
      clock,
      () => 100,
      { maxBytes: 100, maxEntryBytes: 60 },
    );
    cache.set('a', 'A', 30);
    clock.advance(2000);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0, 'an expired answer no longer counts');
    cache.set('b', 'B', 30);
    cache.restore([
      ['old1', { value: 'O1', storedAt: clock.now() - 10, bytes: 50 }],
      ['old2', { value: 'O2', storedAt: clock.now() - 5, bytes: 50 }],
      ['toobig', { value: 'X', storedAt: clock.now() - 1, bytes: 61 }],
    ]);
    assert.deepEqual(keys(cache), ['old2', 'b'], 'restored under the session answers, oldest out first, over-cap never');
    assert.equal(cache.size, 80);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('the runner does not cache an answer above the per-answer cap: a repeat asks again', async () => {
    const big = JSON.stringify({ success: true, data: { ip: '8.8.8.8', blob: 'x'.repeat(MAX_CACHED_ANSWER_BYTES + 1) } });
    let calls = 0;
    const runner = new ToolRunner({
      catalog: () => buildCatalog([]),
      settings: () => ({ baseUrl: 'http://127.0.0.1:9/api/v2', timeoutMs: 5000, cacheTtlSeconds: 3600 }),
      apiKey: async () => 'nx-bytes-test-key-000111',
      states: new ToolStateTracker(),
      fetchImpl: async () => {
        calls++;
        return new Response(big, { status: 200, headers: { 'Content-Type': 'application/json' } });
      },
    });
    for (let n = 0; n < 2; n++) {
      const { run } = await runner.run({ tool: 'gl_ping', input: '8.8.8.8' });
      assert.equal(run.ok, true, JSON.stringify(run).slice(0, 300));
    }
    assert.equal(calls, 2);
  });
});
