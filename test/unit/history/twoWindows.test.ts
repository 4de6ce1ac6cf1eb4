import * as assert from 'node:assert/strict';
import { HistoryStore, type HistoryStorage } from '../../../src/core/history/historyStore';
import type { ResultRecord } from '../../../src/core/record/resultRecord';

/**
 * Fault table item 29, as far as plain Node can show it: two windows share one globalState
 * (last writer wins). Interleaved writes and garbage written by another version must leave
 * every window with a valid, bounded history, never an exception.
 */
describe('history shared by two windows', () => {
  const KEY = 'nx-canary-two-windows-4f4f4f4f';
  let stored: unknown;
  const shared: HistoryStorage = {
    get: () => stored,
    // Resolve later, like a real storage round trip, so the two windows' writes interleave.
    set: (value) => new Promise((resolve) => setImmediate(() => { stored = value; resolve(); })),
  };
  const record = (id: string, input = '192.0.2.1'): ResultRecord => ({ id, tool: 'gl_ping', toolLabel: 'Ping', input, startedAt: Date.now(), ok: true, status: 200, data: { echo: `${input} ${KEY}` } });

  beforeEach(() => {
    stored = undefined;
  });

  it('interleaved adds from two windows leave a valid, bounded history without the key', async () => {
    const windows = [0, 1].map(() => new HistoryStore(shared, { maxEntries: () => 50, secrets: () => [KEY] }));
    await Promise.all(Array.from({ length: 200 }, (_, i) => windows[i % 2]!.add(record(`r${i}`, `192.0.2.${i % 250}`))));
    for (const window of windows) {
      const list = window.list();
      assert.ok(list.length > 0 && list.length <= 50);
      assert.equal(new Set(list.map((r) => r.id)).size, list.length, 'no duplicated entry');
    }
    assert.ok(Array.isArray(stored));
    assert.ok(!JSON.stringify(stored).includes(KEY), 'the key never reaches the shared storage');
  });

  it('garbage written by another window or version is dropped, not thrown', async () => {
    const window = new HistoryStore(shared, { maxEntries: () => 50 });
    for (const garbage of [null, 42, 'text', {}, [null, 1, 'x', { id: 3 }], [record('ok')]]) {
      stored = garbage;
      assert.doesNotThrow(() => window.list());
    }
    assert.deepEqual(window.list().map((r) => r.id), ['ok']);
    stored = [{ nonsense: true }, record('kept')];
    await window.add(record('new'));
    assert.deepEqual(window.list().map((r) => r.id), ['new', 'kept']);
  });
});
