import * as assert from 'node:assert/strict';
import { HistoryStore, resultRecordSchema, type HistoryStorage } from '../../../src/core/history/historyStore';
import { recordFromSavedState } from '../../../src/core/render/webviewMessages';
import type { ResultRecord } from '../../../src/core/record/resultRecord';

/** Storage like globalState: holds the value in memory; `writes` keeps what was persisted. */
class FakeStorage implements HistoryStorage {
  readonly writes: ResultRecord[][] = [];
  /** When set, each write waits for the returned promise's release. */
  holdWrites = false;
  private readonly held: Array<() => void> = [];

  constructor(public value: unknown = undefined) {}

  get(): unknown {
    return this.value;
  }

  set(value: ResultRecord[]): Promise<void> {
    // Persist a copy, as globalState serialises to JSON.
    const apply = () => {
      this.value = JSON.parse(JSON.stringify(value));
      this.writes.push(value);
    };
    if (!this.holdWrites) {
      apply();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.held.push(() => (apply(), resolve())));
  }

  releaseAll(): void {
    for (const release of this.held.splice(0)) release();
  }
}

function record(id: string, overrides: Partial<ResultRecord> = {}): ResultRecord {
  return { id, tool: 'gl_ping', input: '1.1.1.1', startedAt: 1_700_000_000_000, ok: true, status: 200, data: { id }, ...overrides };
}

describe('HistoryStore', () => {
  it('lists newest first and persists through the storage', async () => {
    const storage = new FakeStorage();
    const store = new HistoryStore(storage, { maxEntries: () => 200 });
    assert.deepEqual(store.list(), []);
    await store.add(record('a'));
    await store.add(record('b'));
    assert.deepEqual(store.list().map((r) => r.id), ['b', 'a']);

    const reopened = new HistoryStore(new FakeStorage(storage.value), { maxEntries: () => 200 });
    assert.deepEqual(reopened.list(), [record('b'), record('a')]);
  });

  it('trims to maxEntries on add, and list honours a lowered limit at once', async () => {
    const storage = new FakeStorage();
    let max = 3;
    const store = new HistoryStore(storage, { maxEntries: () => max });
    for (const id of ['a', 'b', 'c', 'd']) await store.add(record(id));
    assert.deepEqual(store.list().map((r) => r.id), ['d', 'c', 'b']);
    assert.equal((storage.value as unknown[]).length, 3);
    max = 2;
    assert.deepEqual(store.list().map((r) => r.id), ['d', 'c']);
  });

  it('clamps maxEntries to 1..10000 and falls back to 200 when it is not a number', async () => {
    const full = Array.from({ length: 10_050 }, (_, i) => record(`r${i}`));
    assert.equal(new HistoryStore(new FakeStorage(full), { maxEntries: () => 0 }).list().length, 1);
    assert.equal(new HistoryStore(new FakeStorage(full), { maxEntries: () => 1e9 }).list().length, 10_000);
    assert.equal(new HistoryStore(new FakeStorage(full), { maxEntries: () => Number.NaN }).list().length, 200);
  });

  it('drops corrupt entries instead of throwing', () => {
    const stored = [
      record('good1'),
      null,
      'text',
      { id: 'no-tool', input: 'x', startedAt: 1, ok: true },
      record('bad-kind', { ok: false, error: { kind: 'nope' as never, message: 'm' } }),
      record('bad-time', { startedAt: 'yesterday' as never }),
      record('', {}),
      record('good2', { ok: false, data: undefined, error: { kind: 'rate-limit', message: 'wait', retryAfterSeconds: 30, daily: false } }),
    ];
    const store = new HistoryStore(new FakeStorage(stored), { maxEntries: () => 200 });
    assert.deepEqual(store.list().map((r) => r.id), ['good1', 'good2']);
    for (const value of [undefined, null, 42, { not: 'an array' }, 'x']) {
      assert.deepEqual(new HistoryStore(new FakeStorage(value), { maxEntries: () => 200 }).list(), []);
    }
  });

  it('drops unknown fields of stored entries', () => {
    const store = new HistoryStore(new FakeStorage([{ ...record('a'), apiKey: 'leaked' }]), { maxEntries: () => 200 });
    assert.equal('apiKey' in store.list()[0], false);
  });

  it('gets, removes and clears, notifying listeners of each change', async () => {
    const storage = new FakeStorage();
    const store = new HistoryStore(storage, { maxEntries: () => 200 });
    let changes = 0;
    const subscription = store.onDidChange(() => changes++);
    await store.add(record('a'));
    await store.add(record('b'));
    assert.deepEqual(store.get('a'), record('a'));
    assert.equal(store.get('zzz'), undefined);

    await store.remove('a');
    assert.deepEqual(store.list().map((r) => r.id), ['b']);
    await store.remove('not-there');
    assert.equal(changes, 3, 'removing an unknown id is not a change');

    await store.clear();
    assert.deepEqual(store.list(), []);
    assert.deepEqual(storage.value, []);
    assert.equal(changes, 4);

    subscription.dispose();
    await store.add(record('c'));
    assert.equal(changes, 4);
  });

  it('keeps both of two adds made before the first write settles', async () => {
    const storage = new FakeStorage();
    storage.holdWrites = true;
    const store = new HistoryStore(storage, { maxEntries: () => 200 });
    const first = store.add(record('a'));
    const second = store.add(record('b'));
    assert.deepEqual(store.list().map((r) => r.id), ['b', 'a'], 'visible before the writes settle');
    storage.releaseAll();
    await Promise.all([first, second]);
    assert.deepEqual(store.list().map((r) => r.id), ['b', 'a']);
    assert.deepEqual((storage.value as ResultRecord[]).map((r) => r.id), ['b', 'a']);
  });

  it('falls back to what storage holds when a write fails', async () => {
    const storage = new FakeStorage([record('a')]);
    storage.set = () => Promise.reject(new Error('disk full'));
    const store = new HistoryStore(storage, { maxEntries: () => 200 });
    await assert.rejects(store.add(record('b')), /disk full/);
    assert.deepEqual(store.list().map((r) => r.id), ['a']);
  });

  it('never stores a known secret, wherever it appears', async () => {
    const key = 'nxk_live_abcdef123456';
    const storage = new FakeStorage();
    const store = new HistoryStore(storage, { maxEntries: () => 200, secrets: () => [key] });
    const leaky = record('a', { input: key, ok: false, error: { kind: 'auth', message: `key ${key} refused` }, data: { echo: [{ h: key }] } });
    await store.add(leaky);
    const text = JSON.stringify(storage.value);
    assert.ok(!text.includes(key));
    assert.equal(store.list()[0].input, '[redacted]');
    assert.equal(store.list()[0].error?.message, 'key [redacted] refused');
    assert.equal(leaky.input, key, 'the caller\'s record is not modified');
  });

  it('stores records as given when no secrets are known', async () => {
    const storage = new FakeStorage();
    const store = new HistoryStore(storage, { maxEntries: () => 200, secrets: () => [] });
    const given = record('a', { data: { password: '•••••• (7 chars)' }, redactedCount: 1 });
    await store.add(given);
    assert.equal(storage.writes[0][0], given);
  });
});

describe('resultRecordSchema', () => {
  it('accepts a complete record and rejects infinite numbers', () => {
    const complete: ResultRecord = {
      ...record('a'),
      toolLabel: 'Ping',
      durationMs: 12.5,
      cached: true,
      redactedCount: 2,
      error: { kind: 'rate-limit', message: 'm', retryAfterSeconds: 5, daily: true },
      requestBody: { ip: '1.1.1.1', nested: { count: 2 } },
      requestBodyRedacted: false,
    };
    assert.deepEqual(resultRecordSchema.parse(complete), complete);
    assert.equal(resultRecordSchema.safeParse({ ...complete, startedAt: Infinity }).success, false);
  });

  it('is the one schema for storage and webviews: empty ids, fractional statuses and array bodies are refused', () => {
    assert.equal(resultRecordSchema.safeParse({ ...record('a'), id: '' }).success, false);
    assert.equal(resultRecordSchema.safeParse({ ...record('a'), status: 200.5 }).success, false);
    assert.equal(resultRecordSchema.safeParse({ ...record('a'), requestBody: ['ip'] }).success, false);
    assert.equal(recordFromSavedState({ record: { ...record('a'), id: '' } }), undefined);
  });
});
