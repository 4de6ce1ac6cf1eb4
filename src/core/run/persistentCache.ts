import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { holdsSecrets } from '../record/redact';
import type { CacheEntry, ResultCache } from './resultCache';

/** Where the cache file lives; the extension adapts its global storage folder to this. */
export interface CacheFile {
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export interface CachedAnswer {
  status: number;
  data: unknown;
}

/** A cache key as this version writes it: a SHA-256 digest (see ToolRunner.cacheKey), never a body. */
const HASHED_KEY = /^[0-9a-f]{64}$/;
const FILE_VERSION = 2;

/**
 * The file is untrusted (any version, hand edits, a crash mid-write): entries that do not fit are
 * dropped. Version 1 files keyed entries by the request body itself (passwords included): they
 * are not read, and are overwritten at once.
 */
const fileSchema = lazy(() =>
  z.object({
    version: z.literal(FILE_VERSION),
    entries: z.array(
      z.catch(
        z.tuple([
          z.string().check(z.regex(HASHED_KEY)),
          z.object({ value: z.object({ status: z.int().check(z.gte(200), z.lte(299)), data: z.unknown() }), storedAt: z.number() }),
        ]),
        undefined as never,
      ),
    ),
  }),
);

/** Quiet time after the last change before the file is written, so a bulk run writes once, not per answer. */
const SAVE_DELAY_MS = 1500;
/** The file's size at most: the newest answers that fit are kept, so writing it never stalls the host. */
export const MAX_CACHE_FILE_CHARS = 8 * 1024 * 1024;

/**
 * Keeps the answer cache across reloads and restarts. Loading is lazy (on the first run, not
 * at start-up) and saving happens in the background after changes settle. Only successes are
 * ever in the cache, and only 2xx answers are accepted back from the file. Answers that hold
 * secrets (breach passwords, tokens) stay in memory only: the file never holds them.
 */
export class PersistentCache {
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly cache: ResultCache<CachedAnswer>,
    private readonly file: CacheFile,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    cache.onDidChange(() => this.scheduleSave());
  }

  /** Loads the file once; later calls return the same promise. Never rejects. */
  load(): Promise<void> {
    this.loading ??= this.file
      .read()
      .then(async (text) => {
        if (!text) return;
        const json = parseJson(text);
        const parsed = fileSchema().safeParse(json);
        const entries = parsed.success ? parsed.data.entries.filter(Boolean) : [];
        if (!parsed.success && !isOlderVersion(json)) this.onError('the answer cache file was not readable; starting with an empty cache');
        this.cache.restore(entries.map(([key, entry]) => [key, { ...entry, bytes: jsonLength(entry.value.data) }]));
        // What the file held was checked when it was written: a full cache is not walked again at the next save.
        for (const [, entry] of entries) holdsSecret.set(entry.value, false);
        // An older file (or entries dropped from this one) may hold request bodies: overwrite it now.
        if (!parsed.success || entries.length < parsed.data.entries.length) await this.write();
      })
      .catch((error: unknown) => this.onError(`could not read the answer cache: ${String((error as Error)?.message ?? error)}`));
    return this.loading;
  }

  /** Clear Cache: forget the entries in memory and on disk (a load not yet done must not bring them back). */
  clear(): void {
    this.loading = Promise.resolve();
    this.cache.clear();
  }

  /** Writes now (waits for a pending load so saved entries are not lost). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.saving = this.saving.then(async () => {
      await this.load();
      await this.write();
    });
    return this.saving;
  }

  private write(): Promise<void> {
    return this.file
      .write(persistedText(this.cache.snapshot()))
      .catch((error: unknown) => this.onError(`could not save the answer cache: ${String((error as Error)?.message ?? error)}`));
  }

  dispose(): void {
    if (this.timer) void this.flush();
  }

  private scheduleSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    this.timer.unref?.();
  }
}

/**
 * Whether each cached answer holds a sensitive field. Finding out walks (and copies) the whole
 * answer, so it is done once per entry, at the first write that meets it, not at every write:
 * a bulk run's write would otherwise re-check thousands of unchanged answers. Safe because a
 * cache entry is never changed after it is stored (ResultCache makes a new one per answer).
 */
const holdsSecret = new WeakMap<CachedAnswer, boolean>();

function isSensitive(entry: CacheEntry<CachedAnswer>): boolean {
  let sensitive = holdsSecret.get(entry.value);
  if (sensitive === undefined) {
    sensitive = holdsSecrets(entry.value.data);
    holdsSecret.set(entry.value, sensitive);
  }
  return sensitive;
}

/**
 * The file's text: the newest entries first chosen until MAX_CACHE_FILE_CHARS, then written
 * oldest first (the order the cache restores them in). An answer with a sensitive field is left
 * out, so plaintext passwords from breach tools never reach the disk.
 */
export function persistedText(entries: [string, CacheEntry<CachedAnswer>][]): string {
  const kept: string[] = [];
  let chars = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (isSensitive(entry[1])) continue;
    const json = JSON.stringify(entry);
    if (chars + json.length > MAX_CACHE_FILE_CHARS) break;
    chars += json.length + 1;
    kept.push(json);
  }
  return `{"version":${FILE_VERSION},"entries":[${kept.reverse().join(',')}]}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A file an earlier version wrote (its keys were request bodies): replaced without a complaint. */
function isOlderVersion(json: unknown): boolean {
  const version = (json as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' && version < FILE_VERSION;
}

function jsonLength(data: unknown): number {
  try {
    return JSON.stringify(data)?.length ?? 0;
  } catch {
    return 0;
  }
}
