import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** How long after loading the compiled code is written: by then activation has compiled what it runs. */
export const WRITE_DELAY_MS = 5_000;

export interface CachedModule {
  exports: unknown;
  /** Whether V8 took the cache (false: there was none, or V8 refused it, and a new one will be written). */
  fromCache: boolean;
  /** Settles once the cache is written, or at once when there is nothing to write; never rejects. */
  written: Promise<void>;
}

/**
 * Loads a CommonJS file as Node's require() would, but with V8's code cache: the first load
 * compiles as usual and, WRITE_DELAY_MS later, stores the compiled code in `cacheDir`; later
 * loads take it from there and skip most of the parsing and compiling, which is most of the
 * bundle's start-up cost. The cache file is named by a hash of the source (V8 itself only checks
 * the source's length) and of V8's version, so a changed bundle never runs stale code; other
 * cache files in the folder are removed when a new one is written. A cache that cannot be read
 * or written only costs the compile it would have saved.
 */
export function loadWithCodeCache(file: string, requireFn: NodeJS.Require, cacheDir: string, writeDelayMs = WRITE_DELAY_MS): CachedModule {
  const source = readFileSync(file, 'utf8');
  const cacheFile = join(cacheDir, `${createHash('sha256').update(source).update(process.versions.v8).digest('hex').slice(0, 32)}.bin`);
  const cachedData = readIfThere(cacheFile);
  // The same wrapper as Node's own loader, on a line of its own that lineOffset hides: positions in
  // stack traces, source maps and profiles stay those of the file.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new Script(wrapped, { filename: file, lineOffset: -1, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireFn, module, file, dirname(file));
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const written = fromCache ? Promise.resolve() : writeLater(script, cacheFile, writeDelayMs);
  return { exports: module.exports, fromCache, written };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeLater(script: Script, cacheFile: string, delayMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => void write(script, cacheFile).finally(resolve), delayMs);
    // The extension host may exit meanwhile: the cache is then written on a later start.
    timer.unref();
  });
}

async function write(script: Script, cacheFile: string): Promise<void> {
  const dir = dirname(cacheFile);
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, script.createCachedData());
    // Renamed into place, so that a window starting meanwhile never reads half a file.
    await rename(temporary, cacheFile);
    const stale = (await readdir(dir)).filter((name) => join(dir, name) !== cacheFile && name.endsWith('.bin'));
    await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  } catch {
    // Only speed is lost: the next start compiles as usual and tries again.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
