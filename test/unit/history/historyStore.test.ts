import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLine, HISTORY_FILE_NAME, HistoryFileStore } from '../../../src/core/history/historyFileStore';
import {
  historyLimits,
  HistoryStore,
  MAX_HISTORY_BYTES,
  resultRecordSchema,
  type HistoryOptions,
} from '../../../src/core/history/historyStore';
import { recordFromSavedState } from '../../../src/core/render/webviewMessages';
import type { ResultRecord } from '../../../src/core/record/resultRecord';

function record(id: string, overrides: Partial<ResultRecord> = {}): ResultRecord {
  return { id, tool: 'gl_ping', input: '1.1.1.1', startedAt: 1_700_000_000_000, ok: true, status: 200, data: { id }, ...overrides };
}

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'niamonx-history-'));
  folders.push(folder);
  return folder;
}

/** A store on `folder` as the extension builds it; writes wait for flush() unless a delay is given. */
function openStore(folder: string, options: Partial<HistoryOptions> = {}, flushDelayMs = 60_000): HistoryStore {
  const maxEntries = options.maxEntries ?? (() => 200);
  return new HistoryStore(new HistoryFileStore(folder, historyLimits(maxEntries), { flushDelayMs }), { maxEntries, ...options });
}

async function reopened(folder: string, options: Partial<HistoryOptions> = {}): Promise<HistoryStore> {
  const store = openStore(folder, options);
  await store.whenLoaded();
  return store;
}

const fileText = (folder: string): string => readFileSync(join(folder, HISTORY_FILE_NAME), 'utf8');
const fileLines = (folder: string): string[] => fileText(folder).split('\n').filter(Boolean);
const ids = (store: HistoryStore): string[] => store.list().map((r) => r.id);

describe('HistoryStore (a JSON-lines file in global storage)', () => {
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('lists newest first and keeps the records across a restart', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    assert.deepEqual(store.list(), []);
    await store.add(record('a'));
    await store.add(record('b'));
    assert.deepEqual(ids(store), ['b', 'a']);
    await store.flush();
    assert.deepEqual((await reopened(folder)).list(), [record('b'), record('a')]);
  });

  it('queues changes and writes a burst of runs with one append, never one write per run', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    for (let i = 0; i < 100; i++) await store.add(record(`r${i}`));
    assert.equal(readdirSync(folder).length, 0, 'nothing written while the changes are queued');
    await store.flush();
    assert.equal(fileLines(folder).length, 100);
  });

  it('writes queued changes by itself after the delay', async () => {
    const folder = tempFolder();
    const store = openStore(folder, {}, 5);
    await store.add(record('a'));
    const expected = [addLine(JSON.stringify(record('a')))];
    // Waits for the write itself, not just the file: it can exist before its line is in it.
    const written = () => readdirSync(folder).includes(HISTORY_FILE_NAME) && fileLines(folder).length >= expected.length;
    const deadline = Date.now() + 5_000;
    while (!written() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(fileLines(folder), expected);
  });

  it('writes what is still queued when disposed', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    await store.add(record('a'));
    store.dispose();
    assert.deepEqual(ids(await reopened(folder)), ['a']);
  });

  it('trims to maxEntries on add, and list honours a lowered limit at once', async () => {
    const folder = tempFolder();
    let max = 3;
    const store = await reopened(folder, { maxEntries: () => max });
    for (const id of ['a', 'b', 'c', 'd']) await store.add(record(id));
    assert.deepEqual(ids(store), ['d', 'c', 'b']);
    max = 2;
    assert.deepEqual(ids(store), ['d', 'c']);
    await store.flush();
    assert.deepEqual(ids(await reopened(folder, { maxEntries: () => 2 })), ['d', 'c']);
  });

  it('clamps maxEntries to 1..10000 and falls back to 200 when it is not a number', async () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, HISTORY_FILE_NAME),
      Array.from({ length: 10_050 }, (_, i) => addLine(JSON.stringify(record(`r${i}`)))).join('\n'),
    );
    assert.equal((await reopened(folder, { maxEntries: () => 0 })).list().length, 1);
    assert.equal((await reopened(folder, { maxEntries: () => 1e9 })).list().length, 10_000);
    assert.equal((await reopened(folder, { maxEntries: () => Number.NaN })).list().length, 200);
    assert.equal((await reopened(folder, { maxEntries: () => 1e9 })).list()[0].id, 'r10049', 'newest first');
  });

  it('keeps the history within its byte limit, whatever the entry count', async () => {
    const folder = tempFolder();
    const store = await reopened(folder, { maxEntries: () => 10_000 });
    const megabyte = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 12; i++) await store.add(record(`big${i}`, { data: { blob: megabyte } }));
    const kept = store.list();
    assert.ok(kept.length < 12 && kept.length >= 6, `kept ${kept.length}`);
    assert.ok(JSON.stringify(kept).length <= MAX_HISTORY_BYTES);
    assert.equal(kept[0].id, 'big11');
  });

  it('skips garbage lines and invalid records instead of throwing', async () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, HISTORY_FILE_NAME),
      [
        addLine(JSON.stringify(record('good1'))),
        'not json at all',
        '{"add":{"id":"torn","tool":"gl_pi',
        'null',
        '"text"',
        addLine(JSON.stringify({ id: 'no-tool', input: 'x', startedAt: 1, ok: true })),
        addLine(JSON.stringify(record('bad-kind', { ok: false, error: { kind: 'nope' as never, message: 'm' } }))),
        addLine(JSON.stringify(record('bad-time', { startedAt: 'yesterday' as never }))),
        addLine(JSON.stringify(record(''))),
        '{"remove":42}',
        addLine(
          JSON.stringify(
            record('good2', {
              ok: false,
              data: undefined,
              error: { kind: 'rate-limit', message: 'wait', retryAfterSeconds: 30, daily: false },
            }),
          ),
        ),
        '',
      ].join('\n'),
    );
    assert.deepEqual(ids(await reopened(folder)), ['good2', 'good1']);
  });

  it('drops unknown fields of stored entries', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, HISTORY_FILE_NAME), addLine(JSON.stringify({ ...record('a'), apiKey: 'leaked' })));
    assert.equal('apiKey' in (await reopened(folder)).list()[0], false);
  });

  it('gets, removes and clears, notifying listeners and keeping each change on disk', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    let changes = 0;
    const subscription = store.onDidChange(() => changes++);
    await store.add(record('a'));
    await store.add(record('b'));
    await store.add(record('c'));
    assert.deepEqual(store.get('a'), record('a'));
    assert.equal(store.get('zzz'), undefined);

    await store.remove('a');
    assert.deepEqual(ids(store), ['c', 'b']);
    await store.remove('not-there');
    assert.equal(changes, 4, 'removing an unknown id is not a change');
    await store.flush();
    assert.deepEqual(ids(await reopened(folder)), ['c', 'b']);

    await store.clear();
    assert.deepEqual(store.list(), []);
    assert.equal(changes, 5);
    await store.add(record('d'));
    await store.flush();
    assert.deepEqual(ids(await reopened(folder)), ['d']);

    subscription.dispose();
    await store.add(record('e'));
    assert.equal(changes, 6);
  });

  it('Remove and Clear erase: the records are gone from the file when they resolve, not just marked', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    const secret = 'erase-me-4f1c9a';
    await store.add(record('a', { input: `${secret}-a` }));
    await store.add(record('b', { input: 'kept' }));
    await store.flush();
    await store.add(record('c', { input: `${secret}-c` }));
    assert.ok(fileText(folder).includes(`${secret}-a`));

    await store.remove('a');
    assert.ok(!fileText(folder).includes(`${secret}-a`), 'the removed record is not in the file');
    assert.ok(fileText(folder).includes(`${secret}-c`), 'what was queued before the removal is written');
    assert.ok(!fileText(folder).includes('"remove"'), 'no marker is needed');
    assert.deepEqual(readdirSync(folder), [HISTORY_FILE_NAME], 'no temporary file is left behind');

    await store.remove('c');
    assert.ok(!fileText(folder).includes(secret));
    assert.deepEqual(ids(await reopened(folder)), ['b']);

    await store.clear();
    assert.equal(fileText(folder), '', 'Clear leaves an empty file');
    assert.deepEqual(ids(await reopened(folder)), []);
  });

  it('a Remove whose rewrite fails rejects, and its marker still keeps the record hidden', async () => {
    const folder = tempFolder();
    const store = await reopened(folder);
    await store.add(record('a'));
    await store.flush();
    const file = new HistoryFileStore(
      folder,
      historyLimits(() => 200),
    );
    (file as unknown as { replaceWith: (text: string) => Promise<void> }).replaceWith = () => Promise.reject(new Error('disk full'));
    const failing = new HistoryStore(file, { maxEntries: () => 200 });
    await failing.whenLoaded();
    await assert.rejects(failing.remove('a'), /disk full/);
    assert.deepEqual(ids(await reopened(folder)), []);
  });

  it('applies changes made before the file was read to what it holds', async () => {
    const folder = tempFolder();
    const first = await reopened(folder);
    for (const id of ['a', 'b', 'c']) await first.add(record(id));
    await first.flush();

    const store = openStore(folder);
    await store.add(record('d'));
    await store.remove('b');
    await store.whenLoaded();
    assert.deepEqual(ids(store), ['d', 'c', 'a']);
  });

  it('rewrites a grown file down to what the limits keep, atomically', async () => {
    const folder = tempFolder();
    const store = await reopened(folder, { maxEntries: () => 20 });
    for (let i = 0; i < 200; i++) {
      await store.add(record(`r${i}`));
      if (i % 10 === 9) await store.flush();
    }
    const lines = fileLines(folder);
    assert.ok(lines.length <= 2 * 20 + 50, `the file was compacted (${lines.length} lines)`);
    assert.deepEqual(readdirSync(folder), [HISTORY_FILE_NAME], 'no temporary file is left behind');
    for (const line of lines) JSON.parse(line);
    const newest20 = Array.from({ length: 20 }, (_, i) => `r${199 - i}`);
    assert.deepEqual(ids(await reopened(folder, { maxEntries: () => 20 })), newest20, 'the rewrite kept the newest entries');
  });

  it('keeps the runs of two windows that share the file, even across a rewrite', async () => {
    const folder = tempFolder();
    const one = await reopened(folder, { maxEntries: () => 20 });
    const two = await reopened(folder, { maxEntries: () => 20 });
    for (let i = 0; i < 60; i++) {
      await one.add(record(`one${i}`));
      await two.add(record(`two${i}`));
      await Promise.all([one.flush(), two.flush()]);
    }
    for (const line of fileLines(folder)) JSON.parse(line);
    const seen = ids(await reopened(folder, { maxEntries: () => 20 }));
    assert.equal(seen.length, 20);
    assert.ok(seen.some((id) => id.startsWith('one')) && seen.some((id) => id.startsWith('two')), seen.join(' '));
    assert.ok(seen.includes('one59') && seen.includes('two59'), 'the newest runs of both windows are kept');
  });

  it('never stores a known secret, wherever it appears', async () => {
    const folder = tempFolder();
    const key = 'nxk_live_abcdef123456';
    const store = await reopened(folder, { secrets: () => [key] });
    const leaky = record('a', {
      input: key,
      ok: false,
      error: { kind: 'auth', message: `key ${key} refused` },
      data: { echo: [{ h: key }] },
    });
    await store.add(leaky);
    await store.flush();
    assert.ok(!fileText(folder).includes(key));
    assert.equal(store.list()[0].input, '[redacted]');
    assert.equal(store.list()[0].error?.message, 'key [redacted] refused');
    assert.equal(leaky.input, key, "the caller's record is not modified");
  });

  it('stores records as given when no secrets are known', async () => {
    const store = await reopened(tempFolder(), { secrets: () => [] });
    const given = record('a', { data: { password: '•••••• (7 chars)' }, redactedCount: 1 });
    await store.add(given);
    assert.equal(store.list()[0], given);
  });

  describe('moving the history out of globalState', () => {
    it('moves valid legacy records into the file as the oldest entries, then removes them from the old place', async () => {
      const folder = tempFolder();
      const first = await reopened(folder);
      await first.add(record('newer'));
      await first.flush();
      let legacy: unknown = [record('old1'), { broken: true }, record('old2')];
      const store = await reopened(folder, { legacy: { read: () => legacy, remove: () => void (legacy = undefined) } });
      assert.deepEqual(ids(store), ['newer', 'old1', 'old2']);
      assert.equal(legacy, undefined, 'removed from globalState');
      assert.deepEqual(ids(await reopened(folder)), ['newer', 'old1', 'old2'], 'in the file');
    });

    it('keeps the legacy records where they are when the file cannot be written', async () => {
      const blocked = join(tempFolder(), 'not-a-folder');
      writeFileSync(blocked, 'a file where the folder should be');
      let removed = false;
      const store = await reopened(blocked, { legacy: { read: () => [record('old1')], remove: () => void (removed = true) } });
      assert.deepEqual(ids(store), ['old1'], 'still shown in this session');
      assert.equal(removed, false);
    });

    it('does not duplicate records another window already moved', async () => {
      const folder = tempFolder();
      const legacy = [record('old1'), record('old2')];
      await reopened(folder, { legacy: { read: () => legacy, remove: () => undefined } });
      const second = await reopened(folder, { legacy: { read: () => legacy, remove: () => undefined } });
      assert.deepEqual(ids(second), ['old1', 'old2']);
      assert.equal(fileLines(folder).length, 2);
    });
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
    assert.deepEqual(resultRecordSchema().parse(complete), complete);
    assert.equal(resultRecordSchema().safeParse({ ...complete, startedAt: Infinity }).success, false);
  });

  it('is the one schema for storage and webviews: empty ids, fractional statuses and array bodies are refused', () => {
    assert.equal(resultRecordSchema().safeParse({ ...record('a'), id: '' }).success, false);
    assert.equal(resultRecordSchema().safeParse({ ...record('a'), status: 200.5 }).success, false);
    assert.equal(resultRecordSchema().safeParse({ ...record('a'), requestBody: ['ip'] }).success, false);
    assert.equal(recordFromSavedState({ record: { ...record('a'), id: '' } }), undefined);
  });
});
