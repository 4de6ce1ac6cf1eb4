import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HISTORY_FILE_NAME, HistoryFileStore } from '../../../src/core/history/historyFileStore';
import { historyLimits, HistoryStore } from '../../../src/core/history/historyStore';
import type { ResultRecord } from '../../../src/core/record/resultRecord';

/**
 * Two windows append to one history
 * file in the same global storage folder. Interleaved writes and garbage written by another
 * version must leave every window with a valid, bounded history, never an exception.
 */
describe('history shared by two windows', () => {
  const KEY = 'nx-canary-two-windows-4f4f4f4f';
  const record = (id: string, input = '192.0.2.1'): ResultRecord => ({
    id,
    tool: 'gl_ping',
    toolLabel: 'Ping',
    input,
    startedAt: Date.now(),
    ok: true,
    status: 200,
    data: { echo: `${input} ${KEY}` },
  });
  const open = (folder: string) => {
    const maxEntries = () => 50;
    return new HistoryStore(new HistoryFileStore(folder, historyLimits(maxEntries), { flushDelayMs: 1 }), {
      maxEntries,
      secrets: () => [KEY],
    });
  };
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'niamonx-two-windows-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('interleaved adds from two windows leave a valid, bounded history without the key', async () => {
    const windows = [open(folder), open(folder)];
    await Promise.all(windows.map((window) => window.whenLoaded()));
    await Promise.all(Array.from({ length: 200 }, (_, i) => windows[i % 2].add(record(`r${i}`, `192.0.2.${i % 250}`))));
    await Promise.all(windows.map((window) => window.flush()));
    const third = open(folder);
    await third.whenLoaded();
    const list = third.list();
    assert.ok(list.length > 0 && list.length <= 50, `bounded: ${list.length}`);
    assert.equal(new Set(list.map((r) => r.id)).size, list.length, 'no duplicated entry');
    assert.ok(!readFileSync(join(folder, HISTORY_FILE_NAME), 'utf8').includes(KEY), 'the key never reaches the shared file');
  });

  it('garbage written by another window or version is dropped, not thrown', async () => {
    const window = open(folder);
    await window.whenLoaded();
    await window.add(record('kept'));
    await window.flush();
    appendFileSync(join(folder, HISTORY_FILE_NAME), 'null\n42\n"text"\n{}\n{"add":{"id":3}}\n{"add":{"nonsense":true}}\nnot json at all\n');
    const next = open(folder);
    await next.whenLoaded();
    assert.deepEqual(
      next.list().map((r) => r.id),
      ['kept'],
    );
    await next.add(record('new'));
    assert.deepEqual(
      next.list().map((r) => r.id),
      ['new', 'kept'],
    );
  });
});
