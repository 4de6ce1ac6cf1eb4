import { redactSecrets } from '../record/redact';
import { resultRecordSchema, type ResultRecord } from '../record/resultRecord';

export { resultRecordSchema, toolErrorSchema } from '../record/resultRecord';

/** Where the history lives; the extension adapts `globalState` (a vscode.Memento) to this. */
export interface HistoryStorage {
  get(): unknown;
  set(value: ResultRecord[]): Promise<void>;
}

export interface HistoryOptions {
  maxEntries: () => number;
  /** Strings (the API key) that must never be persisted, replaced by `[redacted]` wherever they occur. */
  secrets?: () => string[];
}

const DEFAULT_MAX_ENTRIES = 200;
const MAX_ENTRIES_LIMIT = 10_000;

/**
 * Recent results, newest (most recently added) first, kept across restarts. Records are
 * stored as given (already redacted). What comes back from storage is untrusted: entries
 * that do not validate are dropped, never thrown.
 */
export class HistoryStore {
  private readonly listeners = new Set<() => void>();
  /** The last stored value and its validated records, so `list()` validates only after a change. */
  private snapshot: { raw: unknown; records: ResultRecord[] } | undefined;
  /** The value being written, read instead of storage until the write settles, so quick successive changes build on each other. */
  private pending: ResultRecord[] | undefined;

  constructor(
    private readonly storage: HistoryStorage,
    private readonly options: HistoryOptions,
  ) {}

  list(): ResultRecord[] {
    return this.current().slice(0, this.maxEntries());
  }

  get(id: string): ResultRecord | undefined {
    return this.list().find((record) => record.id === id);
  }

  async add(record: ResultRecord): Promise<void> {
    const secrets = this.options.secrets?.() ?? [];
    const stored = secrets.length ? (redactSecrets(record, secrets) as ResultRecord) : record;
    await this.write([stored, ...this.current()].slice(0, this.maxEntries()));
  }

  async remove(id: string): Promise<void> {
    const records = this.current();
    const kept = records.filter((record) => record.id !== id);
    if (kept.length !== records.length) await this.write(kept);
  }

  async clear(): Promise<void> {
    await this.write([]);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private maxEntries(): number {
    const max = this.options.maxEntries();
    if (!Number.isFinite(max)) return DEFAULT_MAX_ENTRIES;
    return Math.min(MAX_ENTRIES_LIMIT, Math.max(1, Math.floor(max)));
  }

  private current(): ResultRecord[] {
    if (this.pending) return this.pending;
    const raw = this.storage.get();
    if (this.snapshot && this.snapshot.raw === raw) return this.snapshot.records;
    this.snapshot = { raw, records: validRecords(raw) };
    return this.snapshot.records;
  }

  private async write(records: ResultRecord[]): Promise<void> {
    this.pending = records;
    try {
      await this.storage.set(records);
    } finally {
      // A later write may have started meanwhile; only the latest one clears the overlay.
      if (this.pending === records) this.pending = undefined;
      for (const listener of this.listeners) listener();
    }
  }
}

function validRecords(raw: unknown): ResultRecord[] {
  if (!Array.isArray(raw)) return [];
  const records: ResultRecord[] = [];
  for (const entry of raw) {
    const parsed = resultRecordSchema.safeParse(entry);
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}
