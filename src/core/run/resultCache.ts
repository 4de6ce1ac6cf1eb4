import { realClock, type Clock } from '../clock';
import { Emitter } from '../events';

/** One cached answer and when it was stored (the TTL is applied when it is read, so a changed TTL counts at once). */
export interface CacheEntry<T> {
  value: T;
  storedAt: number;
  /** The answer's size as received (its JSON text), counted against the cache's byte budget. */
  bytes?: number;
}

/** What all cached answers may take together: a count alone would let 500 answers of 10 MB each stay in memory. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** An answer larger than this is not cached at all (it would push out most of the others). */
export const MAX_CACHED_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Successful answers kept for a while, so asking again costs no quota. Bounded by a count and
 * by bytes: the oldest answers go first when either is exceeded.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly changes = new Emitter();
  /** Fires after every change (set, clear). */
  readonly onDidChange = this.changes.event;
  private bytes = 0;

  constructor(
    private readonly ttlMs: () => number,
    private readonly clock: Clock = realClock,
    private readonly maxEntries: () => number = () => 500,
    private readonly limits: { maxBytes: number; maxEntryBytes: number } = {
      maxBytes: MAX_CACHE_BYTES,
      maxEntryBytes: MAX_CACHED_ANSWER_BYTES,
    },
  ) {}

  /** The bytes the cached answers take, as counted on arrival. */
  get size(): number {
    return this.bytes;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.fresh(entry)) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps `value` (whose text is `bytes` long); one over the per-answer cap is not kept. */
  set(key: string, value: T, bytes = 0): void {
    if (this.ttlMs() <= 0) return;
    this.delete(key);
    if (bytes > this.limits.maxEntryBytes) return;
    this.insert(key, { value, storedAt: this.clock.now(), bytes });
    this.trim();
    this.changes.fire();
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.changes.fire();
  }

  /** The entries still fresh, oldest first (for saving). */
  snapshot(): [string, CacheEntry<T>][] {
    return [...this.entries].filter(([, entry]) => this.fresh(entry));
  }

  /** Adds saved entries under the ones already here (an answer received this session is newer). */
  restore(saved: readonly [string, CacheEntry<T>][]): void {
    const current = [...this.entries];
    this.entries.clear();
    this.bytes = 0;
    for (const [key, entry] of [...saved].sort((a, b) => a[1].storedAt - b[1].storedAt)) {
      if (this.fresh(entry) && (entry.bytes ?? 0) <= this.limits.maxEntryBytes) this.insert(key, entry);
    }
    for (const [key, entry] of current) {
      this.delete(key);
      this.insert(key, entry);
    }
    this.trim();
  }

  private fresh(entry: CacheEntry<T>): boolean {
    return entry.storedAt + this.ttlMs() > this.clock.now() && entry.storedAt <= this.clock.now() + 60_000;
  }

  private insert(key: string, entry: CacheEntry<T>): void {
    this.entries.set(key, entry);
    this.bytes += entry.bytes ?? 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes ?? 0;
  }

  private trim(): void {
    // Maps keep insertion order: the first key is the oldest.
    const max = Math.max(0, this.maxEntries());
    while (this.entries.size > max || (this.bytes > this.limits.maxBytes && this.entries.size > 0)) {
      this.delete(this.entries.keys().next().value as string);
    }
  }
}
