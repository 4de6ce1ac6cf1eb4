import { Emitter } from '../events';
import { redactSecrets } from '../record/redact';
import { resultRecordSchema, type ResultRecord } from '../record/resultRecord';
import { addLine, CLEAR_LINE, removeLine, type HistoryFileStore, type HistoryLimits, type StoredEntry } from './historyFileStore';

export { resultRecordSchema, toolErrorSchema } from '../record/resultRecord';

export interface HistoryOptions {
  maxEntries: () => number;
  /** Strings (the API key) that must never be persisted, replaced by `[redacted]` wherever they occur. */
  secrets?: () => string[];
  /** History an earlier version kept elsewhere (globalState): moved into the file on first load, then removed. */
  legacy?: { read(): unknown; remove(): PromiseLike<void> | void };
}

const DEFAULT_MAX_ENTRIES = 200;
const MAX_ENTRIES_LIMIT = 10_000;
/** Results can be large (breach answers): the history never holds more than this, whatever the entry count. */
export const MAX_HISTORY_BYTES = 8 * 1024 * 1024;
const RECORDS_PER_SLICE = 500;

interface Entry {
  record: ResultRecord;
  bytes: number;
}

/**
 * Recent results, newest (most recently added) first, kept across restarts in a file
 * (see HistoryFileStore). The list lives in memory; changes reach the file in the background,
 * so a run never waits for the disk. The file is read on first use, not at start-up. What comes
 * back from disk is untrusted: entries that do not validate are dropped, never thrown.
 */
export class HistoryStore {
  private readonly changes = new Emitter();
  readonly onDidChange = this.changes.event;
  private entries: Entry[] = [];
  private bytes = 0;
  private loading: Promise<void> | undefined;
  private loaded = false;
  /** Changes made before the file was read, applied to what it holds. */
  private removedBeforeLoad = new Set<string>();
  private clearedBeforeLoad = false;

  constructor(
    private readonly file: HistoryFileStore,
    private readonly options: HistoryOptions,
  ) {}

  /** Reads the file (and migrates the legacy history) once; `list()` starts it. */
  whenLoaded(): Promise<void> {
    return (this.loading ??= this.load());
  }

  /** Reads the file and the legacy place again, adding what this window does not show yet (tests; another window's runs). */
  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  list(): ResultRecord[] {
    void this.whenLoaded();
    return this.entries.slice(0, this.maxEntries()).map((entry) => entry.record);
  }

  /**
   * The records in memory now, without reading the file: for views that must cost nothing at
   * start-up (inline verdicts). The file's records join once something else loads it.
   */
  inMemory(): ResultRecord[] {
    return this.entries.slice(0, this.maxEntries()).map((entry) => entry.record);
  }

  get(id: string): ResultRecord | undefined {
    return this.list().find((record) => record.id === id);
  }

  async add(record: ResultRecord): Promise<void> {
    const secrets = this.options.secrets?.() ?? [];
    const stored = secrets.length ? (redactSecrets(record, secrets) as ResultRecord) : record;
    const json = JSON.stringify(stored);
    this.entries.unshift({ record: stored, bytes: json.length });
    this.bytes += json.length;
    this.trim();
    this.file.append(addLine(json));
    this.changes.fire();
  }

  /** Removes the record here and from the file: resolves once its bytes are gone from disk. */
  async remove(id: string): Promise<void> {
    if (!this.loaded) this.removedBeforeLoad.add(id);
    const index = this.entries.findIndex((entry) => entry.record.id === id);
    if (index >= 0) {
      this.bytes -= this.entries[index].bytes;
      this.entries.splice(index, 1);
      this.changes.fire();
    }
    await this.file.erase(removeLine(id));
  }

  /** Forgets every record here and in the file: resolves once the file holds none of them. */
  async clear(): Promise<void> {
    if (!this.loaded) this.clearedBeforeLoad = true;
    this.entries = [];
    this.bytes = 0;
    this.changes.fire();
    await this.file.erase(CLEAR_LINE);
  }

  /** Writes pending changes now (tests; the extension writes in the background). */
  flush(): Promise<void> {
    return this.file.flush();
  }

  /** Writes what is still queued; the extension host may end right after. */
  dispose(): void {
    this.file.flushSync();
  }

  private async load(): Promise<void> {
    const stored = await this.file.read().catch(() => [] as StoredEntry[]);
    const fromFile = await validEntries(stored);
    const legacy = await this.migrateLegacy(new Set(fromFile.map((entry) => entry.record.id)));
    const known = new Set(this.entries.map((entry) => entry.record.id));
    const earlier = this.clearedBeforeLoad
      ? []
      : [...fromFile, ...legacy].filter((entry) => !known.has(entry.record.id) && !this.removedBeforeLoad.has(entry.record.id));
    this.loaded = true;
    this.removedBeforeLoad.clear();
    if (!earlier.length) return;
    this.entries.push(...earlier);
    this.bytes += earlier.reduce((sum, entry) => sum + entry.bytes, 0);
    this.trim();
    this.changes.fire();
  }

  /** Legacy records not yet in the file: written to it as its oldest entries, then removed from the old place. */
  private async migrateLegacy(inFile: Set<string>): Promise<Entry[]> {
    const raw = this.options.legacy?.read();
    if (raw === undefined) return [];
    const records = Array.isArray(raw) ? await validEntries((raw as unknown[]).map((record) => ({ record, bytes: 0 }))) : [];
    const moved = records
      .filter((entry) => !inFile.has(entry.record.id))
      .slice(0, MAX_ENTRIES_LIMIT)
      .map((entry) => {
        const json = JSON.stringify(entry.record);
        return { json, entry: { record: entry.record, bytes: json.length } };
      });
    try {
      if (moved.length) await this.file.prependOlder(moved.map((item) => item.json));
      await this.options.legacy?.remove();
    } catch {
      // Not written: the old place keeps them for the next start; this session still shows them.
    }
    return moved.map((item) => item.entry);
  }

  private trim(): void {
    const max = this.maxEntries();
    while (this.entries.length > max || (this.bytes > MAX_HISTORY_BYTES && this.entries.length > 1)) {
      this.bytes -= this.entries.pop()?.bytes ?? 0;
    }
  }

  private maxEntries(): number {
    return clampMaxEntries(this.options.maxEntries());
  }
}

/** The file's limits, from the same setting the store trims by. */
export function historyLimits(maxEntries: () => number): () => HistoryLimits {
  return () => ({ maxEntries: clampMaxEntries(maxEntries()), maxBytes: MAX_HISTORY_BYTES });
}

function clampMaxEntries(max: number): number {
  if (!Number.isFinite(max)) return DEFAULT_MAX_ENTRIES;
  return Math.min(MAX_ENTRIES_LIMIT, Math.max(1, Math.floor(max)));
}

/** Validates in slices, yielding between them: 10,000 records must not block the extension host. */
async function validEntries(stored: StoredEntry[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let i = 0; i < stored.length; i++) {
    if (i > 0 && i % RECORDS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const parsed = resultRecordSchema().safeParse(stored[i].record);
    if (parsed.success) entries.push({ record: parsed.data, bytes: stored[i].bytes });
  }
  return entries;
}
