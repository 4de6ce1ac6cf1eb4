import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { maskRequestBody } from '../../../src/core/record/requestBody';
import { resolveInput } from '../../../src/core/run/inputResolver';
import type { CacheFile } from '../../../src/core/run/persistentCache';
import type { RunnerSettings } from '../../../src/core/run/toolRunner';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';
import { memoryFile } from '../support/memoryFile';

const KEY = 'nx-secret-body-key-0a1b2c3d4e';
const PASSWORD = `pw-canary-${randomBytes(8).toString('hex')}`;
const TOKEN = `tok-canary-${randomBytes(8).toString('hex')}`;

/** Secrets a caller puts in a request body reach the API and nothing else: not the cache file, not what is shown. */
describe('secrets in request bodies', () => {
  const emulator = useSharedEmulator(KEY);
  let settings: RunnerSettings;
  const runnerWith = (file: CacheFile, onCacheError?: (message: string) => void) =>
    testRunner({
      settings: () => settings,
      apiKey: async () => KEY,
      cacheFile: file,
      onCacheError,
    });

  beforeEach(() => {
    settings = { baseUrl: emulator().url, timeoutMs: 5000, cacheTtlSeconds: 3600 };
  });

  it('the cache file holds hashed keys only: no body value, yet repeats are still answered from it', async () => {
    const file = memoryFile();
    const runner = runnerWith(file);
    const bodies = [
      { tool: 'gl_ping', input: { ip: '8.8.4.4', session_token: TOKEN } },
      { tool: 'breaches_search', input: { query: 'nobody-here@example.com', password: PASSWORD } },
    ];
    for (const body of bodies) assert.equal((await runner.run(body)).run.ok, true);
    await runner.flushCache();
    const text = file.text ?? '';
    assert.ok(!text.includes(TOKEN), 'the token is not in the cache file');
    assert.ok(!text.includes(PASSWORD), 'the password is not in the cache file');
    const keys = (JSON.parse(text) as { entries: [string][] }).entries.map(([key]) => key);
    assert.ok(keys.length > 0, 'something was cached');
    for (const key of keys) assert.match(key, /^[0-9a-f]{64}$/);

    const restarted = runnerWith(file);
    const again = await restarted.run({ tool: 'gl_ping', input: { session_token: TOKEN, ip: '8.8.4.4' } });
    assert.equal(again.run.ok && again.run.cached, true, 'the same body (keys in another order) is answered from the file');
    assert.equal(emulator().requests.length, 2);
  });

  it('a file an older version wrote (bodies as keys) is not served and is overwritten at once, quietly', async () => {
    const oldKey = JSON.stringify([emulator().url, 'x', 'gl_ping', JSON.stringify({ ip: '8.8.4.4', session_token: TOKEN })]);
    const file = memoryFile(
      JSON.stringify({ version: 1, entries: [[oldKey, { value: { status: 200, data: { ip: 'old' } }, storedAt: Date.now() }]] }),
    );
    const errors: string[] = [];
    const runner = runnerWith(file, (message) => errors.push(message));
    const { run } = await runner.run({ tool: 'gl_ping', input: '1.1.1.1' });
    assert.equal(run.ok && run.cached, undefined);
    assert.ok(!file.text?.includes(TOKEN), 'the old file is gone as soon as it was read');
    assert.deepEqual(errors, []);
  });

  it('entries with a plain key in a current file are dropped and the file rewritten without them', async () => {
    const plain = JSON.stringify(['u', 'k', 'gl_ping', JSON.stringify({ ip: '8.8.4.4', password: PASSWORD })]);
    const file = memoryFile(JSON.stringify({ version: 2, entries: [[plain, { value: { status: 200, data: {} }, storedAt: Date.now() }]] }));
    const runner = runnerWith(file);
    await runner.isCached({ tool: 'gl_ping', input: '8.8.4.4' });
    assert.ok(!file.text?.includes(PASSWORD));
  });

  it('what is shown of an object input is masked: the primary field, or the body text', () => {
    const catalog = buildCatalog([]);
    const shownPing = resolveInput('gl_ping', catalog.find('gl_ping'), { ip: '8.8.8.8', session_token: TOKEN });
    assert.equal(shownPing.display, '8.8.8.8');
    assert.equal(shownPing.body.session_token, TOKEN, 'the API still gets the body as given');
    const unknown = resolveInput('custom_tool', undefined, { user: 'a', password: PASSWORD, nested: { api_key: TOKEN } });
    assert.ok(!unknown.display.includes(PASSWORD) && !unknown.display.includes(TOKEN), unknown.display);
    assert.match(unknown.display, /"user":"a"/);
  });

  it('maskRequestBody masks at any depth with the answers rules and says so', () => {
    const masked = maskRequestBody({ query: 'x', password: PASSWORD, deeper: [{ sessionToken: TOKEN }], with_password: 3 });
    assert.equal(masked.masked, true);
    const text = JSON.stringify(masked.body);
    assert.ok(!text.includes(PASSWORD) && !text.includes(TOKEN), text);
    assert.equal(masked.body.query, 'x');
    assert.equal(masked.body.with_password, 3);
    const plain = { ip: '1.1.1.1' };
    assert.deepEqual(maskRequestBody(plain), { body: plain, masked: false });
  });
});
