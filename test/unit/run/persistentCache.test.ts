import * as assert from 'node:assert/strict';
import {
  MAX_CACHE_FILE_CHARS,
  PersistentCache,
  persistedText,
  type CachedAnswer,
  type CacheFile,
} from '../../../src/core/run/persistentCache';
import { ResultCache } from '../../../src/core/run/resultCache';
import type { RunnerSettings } from '../../../src/core/run/toolRunner';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';
import { memoryFile } from '../support/memoryFile';

const KEY = 'nx-cache-test-key-0001112223';

describe('persisted answer cache', () => {
  const emulator = useSharedEmulator(KEY);
  let settings: RunnerSettings;
  const runnerWith = (file: CacheFile) =>
    testRunner({
      settings: () => settings,
      apiKey: async () => KEY,
      cacheFile: file,
    });
  const entriesOf = (file: { text: string | undefined }) =>
    (JSON.parse(file.text ?? '{"entries":[]}') as { entries: [string, { value: { status: number } }][] }).entries;

  beforeEach(() => {
    settings = { baseUrl: emulator().url, timeoutMs: 5000, cacheTtlSeconds: 3600, cacheMaxEntries: 5000 };
  });

  it('answers from the file after a restart, loading it only on the first run', async () => {
    const file = memoryFile();
    const first = runnerWith(file);
    await first.run({ tool: 'gl_ping', input: '8.8.8.8' });
    await first.flushCache();
    const second = runnerWith(file);
    const readsBefore = file.reads;
    assert.equal(file.reads, readsBefore, 'creating a runner reads nothing');
    const { run } = await second.run({ tool: 'gl_ping', input: '8.8.8.8' });
    assert.equal(run.ok && run.cached, true);
    assert.equal(emulator().requests.length, 1);
    assert.equal(file.reads, readsBefore + 1);
  });

  it('never holds an error, a 429 or a 5xx', async () => {
    const file = memoryFile();
    const runner = runnerWith(file);
    emulator().injectFault({ type: 'status', status: 500, body: { error: 'boom' } });
    await runner.run({ tool: 'gl_ping', input: '1.0.0.1' });
    emulator().injectFault({ type: 'status', status: 400, body: { error: 'bad' } });
    await runner.run({ tool: 'gl_ping', input: '1.0.0.3' });
    emulator().injectFault({ type: 'success-false' });
    await runner.run({ tool: 'gl_ping', input: '1.0.0.4' });
    await runner.run({ tool: 'gl_ping', input: '1.0.0.5' });
    emulator().injectFault({ type: 'status', status: 429, body: { error: 'Cooldown active, retry in 1 seconds' } });
    await runner.run({ tool: 'gl_ping', input: '1.0.0.2' });
    assert.equal(emulator().requests.length, 5, 'every call reached the emulator');
    await runner.flushCache();
    const entries = entriesOf(file);
    assert.equal(entries.length, 1, JSON.stringify(entries));
    assert.ok(JSON.stringify(entries[0][1]).includes('1.0.0.5'));
    assert.ok(entries.every(([, entry]) => entry.value.status === 200));
  });

  it('refuses a non-2xx entry from a tampered file', async () => {
    const key = 'ab'.repeat(32);
    const file = memoryFile(JSON.stringify({ version: 2, entries: [[key, { value: { status: 429, data: null }, storedAt: Date.now() }]] }));
    const runner = runnerWith(file);
    await runner.run({ tool: 'gl_ping', input: '9.9.9.9' });
    await runner.flushCache();
    assert.deepEqual(
      entriesOf(file).map(([, entry]) => entry.value.status),
      [200],
    );
  });

  it('keeps at most cache.maxEntries, the oldest out first', async () => {
    settings.cacheMaxEntries = 2;
    const file = memoryFile();
    const runner = runnerWith(file);
    for (const ip of ['2.2.2.1', '2.2.2.2', '2.2.2.3']) await runner.run({ tool: 'gl_ping', input: ip });
    await runner.flushCache();
    const kept = entriesOf(file).map((entry) => JSON.stringify(entry));
    assert.equal(kept.length, 2);
    assert.ok(!kept.some((entry) => entry.includes('2.2.2.1')));
  });

  it('Clear Cache empties the file, even before it was ever loaded', async () => {
    const file = memoryFile();
    const first = runnerWith(file);
    await first.run({ tool: 'gl_ping', input: '3.3.3.3' });
    await first.flushCache();
    const second = runnerWith(file);
    second.clearCache();
    await second.flushCache();
    assert.deepEqual(entriesOf(file), []);
    assert.equal((await second.run({ tool: 'gl_ping', input: '3.3.3.3' })).run.ok, true);
    assert.equal(emulator().requests.length, 2, 'asked the API again');
  });

  it('never writes an answer that holds a secret (a breach password) to the file; it stays in memory', async () => {
    const file = memoryFile();
    const runner = runnerWith(file);
    await runner.run({ tool: 'gl_ping', input: '5.5.5.5' });
    await runner.run({ tool: 'ulp_search', input: 'example.com' });
    await runner.flushCache();
    const kept = entriesOf(file).map((entry) => JSON.stringify(entry));
    assert.equal(kept.length, 1, 'the ULP answer (plaintext passwords) is not kept');
    assert.ok(kept[0].includes('5.5.5.5'), 'the ping answer is kept');
    assert.ok(!/"pass(?:word)?":"(?!\*)/.test(file.text ?? ''), 'no password value in the file');
    const again = await runner.run({ tool: 'ulp_search', input: 'example.com' });
    assert.equal(again.run.ok && again.run.cached, true, 'still answered from memory');
  });

  it('checks each answer for secrets once, not again at every write', async () => {
    const cache = new ResultCache<CachedAnswer>(() => 3_600_000);
    const file = memoryFile();
    const persistent = new PersistentCache(cache, file);
    // Both the secret check and the file's JSON read every field: count the reads of one.
    let reads = 0;
    const counted = (name: string, value: string) =>
      Object.defineProperty({}, name, {
        enumerable: true,
        get: () => {
          reads++;
          return value;
        },
      });
    cache.set('plain', { status: 200, data: counted('ip', '8.8.8.8') });
    cache.set('secret', { status: 200, data: counted('password', 'hunter2-in-plaintext') });
    const writes = 3;
    for (let n = 1; n <= writes; n++) {
      cache.set(`other-${n}`, { status: 200, data: { ip: `1.1.1.${n}` } });
      await persistent.flush();
    }
    persistent.dispose();
    // The plain answer: checked once, then written each time; the secret one: checked once, never written.
    assert.equal(reads, 1 + writes + 1, 'the secret check ran once per entry');
    assert.ok(file.text?.includes('8.8.8.8'), 'the plain answer is in the file');
    assert.ok(!file.text?.includes('hunter2'), 'the password never reaches the file');
    assert.ok(!file.text?.includes('"secret"'), 'nor its entry');
  });

  it('keeps the newest entries that fit in the file size cap', () => {
    const big = 'x'.repeat(MAX_CACHE_FILE_CHARS / 3);
    const entries = [1, 2, 3, 4].map((n): [string, { value: { status: number; data: unknown }; storedAt: number }] => [
      `k${n}`,
      { value: { status: 200, data: { big } }, storedAt: n },
    ]);
    const kept = (JSON.parse(persistedText(entries)) as { entries: [string][] }).entries.map(([key]) => key);
    assert.deepEqual(kept, ['k3', 'k4']);
  });

  it('survives an unreadable file', async () => {
    const errors: string[] = [];
    const file = memoryFile('{ not json');
    const runner = testRunner({
      settings: () => settings,
      apiKey: async () => KEY,
      cacheFile: file,
      onCacheError: (m) => errors.push(m),
    });
    assert.equal((await runner.run({ tool: 'gl_ping', input: '4.4.4.4' })).run.ok, true);
    assert.equal(errors.length, 1);
  });
});
