/** One cached answer and when it was stored (the TTL is applied when it is read, so a changed TTL counts at once). */
export interface CacheEntry<T> {
  value: T;
  storedAt: number;
}

/** Successful answers kept for a while, so asking again costs no quota. */
export class ResultCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries: () => number = () => 500,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.fresh(entry)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T): void {
    if (this.ttlMs() <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now() });
    this.trim();
    this.fire();
  }

  clear(): void {
    this.entries.clear();
    this.fire();
  }

  /** The entries still fresh, oldest first (for saving). */
  snapshot(): [string, CacheEntry<T>][] {
    return [...this.entries].filter(([, entry]) => this.fresh(entry));
  }

  /** Adds saved entries under the ones already here (an answer received this session is newer). */
  restore(saved: readonly [string, CacheEntry<T>][]): void {
    const current = [...this.entries];
    this.entries.clear();
    for (const [key, entry] of [...saved].sort((a, b) => a[1].storedAt - b[1].storedAt)) {
      if (this.fresh(entry)) this.entries.set(key, entry);
    }
    for (const [key, entry] of current) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    this.trim();
  }

  /** Called after every change (set, clear). */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fresh(entry: CacheEntry<T>): boolean {
    return entry.storedAt + this.ttlMs() > this.now() && entry.storedAt <= this.now() + 60_000;
  }

  private trim(): void {
    // Maps keep insertion order: the first key is the oldest.
    const max = Math.max(0, this.maxEntries());
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}
