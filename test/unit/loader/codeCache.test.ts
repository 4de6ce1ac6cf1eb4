import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWithCodeCache } from '../../../src/loader/codeCache';

describe('loadWithCodeCache', () => {
  let folder: string;
  let cacheDir: string;
  let file: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'niamonx-code-cache-'));
    cacheDir = join(folder, 'code-cache');
    file = join(folder, 'bundle.js');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const load = () => loadWithCodeCache(file, require, cacheDir, 0);
  /**
   * A start in a process of its own, once its cache is written: V8 keeps compiled scripts in
   * memory, and takes a cache only from a process with the same flags (other tests may change this one's).
   */
  const loadInNewProcess = (): { fromCache: boolean; value: unknown } => {
    const script = `const { loadWithCodeCache } = require(${JSON.stringify(require.resolve('../../../src/loader/codeCache'))});
      const loaded = loadWithCodeCache(${JSON.stringify(file)}, require, ${JSON.stringify(cacheDir)}, 0);
      const alive = setInterval(() => undefined, 1000); // the write's timer alone does not keep a process alive
      loaded.written.then(() => { console.log(JSON.stringify({ fromCache: loaded.fromCache, value: loaded.exports.value })); clearInterval(alive); });`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { fromCache: boolean; value: unknown };
  };

  it('runs the module as require() would: exports, module.exports, require, __filename, __dirname', async () => {
    writeFileSync(
      file,
      "exports.answer = () => 42; module.exports.path = require('node:path').basename(__filename); exports.dir = __dirname; exports.self = this === exports;",
    );
    const loaded = load();
    const exports = loaded.exports as { answer: () => number; path: string; dir: string; self: boolean };
    assert.equal(exports.answer(), 42);
    assert.equal(exports.path, 'bundle.js');
    assert.equal(exports.dir, folder);
    assert.equal(exports.self, true);
    await loaded.written;
  });

  it('keeps the positions of the file in stack traces (source maps depend on them)', async () => {
    writeFileSync(file, '\n  exports.fail = () => { throw new Error("here"); };');
    const loaded = load();
    const stack = (() => {
      try {
        (loaded.exports as { fail: () => void }).fail();
      } catch (error) {
        return (error as Error).stack ?? '';
      }
      return '';
    })();
    assert.ok(stack.includes(`${file}:2:32`), stack);
    await loaded.written;
  });

  it('writes the compiled code after the first load and takes it on the next start', async () => {
    writeFileSync(file, 'exports.value = [1, 2, 3].map((n) => n * 2);');
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: [2, 4, 6] });
    assert.equal(readdirSync(cacheDir).length, 1, 'one cache file');
    assert.deepEqual(loadInNewProcess(), { fromCache: true, value: [2, 4, 6] });
  });

  it('never runs the cache of another source of the same length, and keeps only the newest cache', async () => {
    writeFileSync(file, 'exports.value = "old";');
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: 'old' });
    writeFileSync(file, 'exports.value = "new";');
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: 'new' });
    assert.equal(readdirSync(cacheDir).length, 1, 'the old cache is removed');
    assert.deepEqual(loadInNewProcess(), { fromCache: true, value: 'new' });
  });

  it('loads without a cache when the cache cannot be written', async () => {
    writeFileSync(file, 'exports.value = 1;');
    // A file where the cache folder should be: neither the folder nor the cache can be made.
    writeFileSync(cacheDir, 'not a folder');
    const loaded = load();
    assert.equal((loaded.exports as { value: number }).value, 1);
    await loaded.written;
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: 1 });
  });

  it('takes no cache that V8 refuses (a damaged file), and writes a good one', async () => {
    writeFileSync(file, 'exports.value = 7;');
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: 7 });
    const [name] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name), Buffer.from('damaged'));
    assert.deepEqual(loadInNewProcess(), { fromCache: false, value: 7 });
    assert.deepEqual(loadInNewProcess(), { fromCache: true, value: 7 });
  });
});
