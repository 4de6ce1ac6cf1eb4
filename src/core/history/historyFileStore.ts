import { appendFileSync, mkdirSync, promises as fs } from 'node:fs';
import { join } from 'node:path';

/** What the file keeps at most; older entries are dropped when it is rewritten. */
export interface HistoryLimits {
  maxEntries: number;
  maxBytes: number;
}

/** One stored entry, as read back: the parsed record (not yet validated) and its size on disk. */
export interface StoredEntry {
  record: unknown;
  bytes: number;
}

export const HISTORY_FILE_NAME = 'history.jsonl';
/** Parsing yields to the event loop this often, so a large file never blocks the extension host. */
const LINES_PER_SLICE = 500;
/** The file is rewritten once it holds this many times what the limits keep. */
const COMPACT_FACTOR = 2;

/**
 * The history on disk: an append-only JSON-lines file in the extension's global storage folder,
 * one change per line (`{"add":record}`, `{"remove":id}`, `{"clear":true}`), oldest first.
 *
 * - Changes are queued and appended together `flushDelayMs` later: a burst of runs costs one write.
 * - When the file holds much more than the limits keep, it is rewritten from its own content
 *   (so lines other windows appended are kept) into a temporary file that replaces it with one
 *   rename: no reader, and no other window, ever sees half a file.
 * - Remove and Clear rewrite the file the same way before they resolve: erased means gone from disk.
 * - Lines that do not parse (a torn write, a hand edit) are skipped.
 */
export class HistoryFileStore {
  readonly path: string;
  private queue: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Every write goes through this chain, one at a time. */
  private chain: Promise<void> = Promise.resolve();
  /** Lines and bytes in the file as far as this window knows (set on read, grown on append). */
  private fileLines = 0;
  private fileBytes = 0;

  constructor(
    private readonly folder: string,
    private readonly limits: () => HistoryLimits,
    private readonly options: { flushDelayMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    this.path = join(folder, HISTORY_FILE_NAME);
  }

  /** The stored entries, newest first, with removals, clears and the limits applied. */
  async read(): Promise<StoredEntry[]> {
    const text = await this.readText();
    const replayed = await replay(text, this.limits());
    this.fileLines = replayed.lines;
    this.fileBytes = text.length;
    return replayed.entries;
  }

  /** Queues one change; it is written with the next flush. */
  append(change: string): void {
    this.queue.push(change);
    // unref: a pending history write never keeps a process alive (tests, benchmarks).
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.options.flushDelayMs ?? 250).unref();
  }

  /** Writes what is queued (and rewrites the file when it has grown too large). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.queue.splice(0);
    if (!lines.length) return this.chain;
    return this.enqueue(async () => {
      const text = `${lines.join('\n')}\n`;
      await fs.mkdir(this.folder, { recursive: true });
      await fs.appendFile(this.path, text, 'utf8');
      this.fileLines += lines.length;
      this.fileBytes += text.length;
      const { maxEntries, maxBytes } = this.limits();
      if (this.fileLines > COMPACT_FACTOR * maxEntries + 50 || this.fileBytes > COMPACT_FACTOR * maxBytes) await this.compact();
    });
  }

  /** Writes what is queued before the extension host goes away (dispose cannot wait for a promise). */
  flushSync(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.queue.splice(0);
    if (!lines.length) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      appendFileSync(this.path, `${lines.join('\n')}\n`, 'utf8');
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * Applies `change` (a removal or a clear) by rewriting the file without what it drops
   * (temporary file + rename), after writing what is queued. Resolves once the dropped
   * records' bytes are no longer in the file; a marker line alone would leave them there.
   * If the rewrite fails, the change is appended as a marker (so it still holds) and the
   * promise rejects.
   */
  erase(change: string): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = [...this.queue.splice(0), change];
    return this.enqueue(async () => {
      const current = await this.readText();
      const separator = current && !current.endsWith('\n') ? '\n' : '';
      try {
        await this.replaceWith(liveText((await replay(`${current}${separator}${lines.join('\n')}\n`, this.limits())).entries));
      } catch (error) {
        await fs.appendFile(this.path, `${lines.join('\n')}\n`, 'utf8').catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`the history file could not be rewritten, so the erased entries may still be on disk (${reason})`, {
          cause: error,
        });
      }
    });
  }

  /** Puts `entries` (serialised records, newest first) before everything the file holds: they are older. */
  prependOlder(entries: string[]): Promise<void> {
    return this.enqueue(async () => {
      const older = entries.map(addLine).reverse().join('\n');
      const current = await this.readText();
      await this.replaceWith(older ? `${older}\n${current}` : current);
    });
  }

  private async compact(): Promise<void> {
    const { entries } = await replay(await this.readText(), this.limits());
    await this.replaceWith(liveText(entries));
  }

  /** Temporary file + rename: the file is either the old or the new content, never a mix. */
  private async replaceWith(text: string): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    const temporary = `${this.path}.${process.pid}-${Date.now().toString(36)}.tmp`;
    try {
      await fs.writeFile(temporary, text, 'utf8');
      await fs.rename(temporary, this.path);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    this.fileLines = text ? text.split('\n').length - 1 : 0;
    this.fileBytes = text.length;
  }

  private async readText(): Promise<string> {
    try {
      return await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  /** Runs `work` after the writes before it; its failure is reported and rejects its own promise, never the chain. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    this.chain = run.catch((error: unknown) => this.options.onError?.(error));
    return run;
  }
}

/** The file's text holding just `entries` (newest first), oldest first as the file keeps them. */
function liveText(entries: StoredEntry[]): string {
  return (
    entries
      .map((entry) => addLine(JSON.stringify(entry.record)))
      .reverse()
      .join('\n') + (entries.length ? '\n' : '')
  );
}

/** The `add` line for a serialised record. */
export const addLine = (recordJson: string): string => `{"add":${recordJson}}`;
export const removeLine = (id: string): string => JSON.stringify({ remove: id });
export const CLEAR_LINE = '{"clear":true}';

/** Applies the file's lines in order; a record added again moves to the newest place. */
async function replay(text: string, limits: HistoryLimits): Promise<{ entries: StoredEntry[]; lines: number }> {
  const byId = new Map<string, StoredEntry>();
  const lines = text.split('\n');
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % LINES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const line = lines[i];
    if (!line) continue;
    count++;
    const change = parseLine(line);
    if (!change) continue;
    if ('clear' in change) byId.clear();
    else if ('remove' in change) byId.delete(change.remove);
    else {
      byId.delete(change.id);
      byId.set(change.id, { record: change.add, bytes: line.length - ADD_LINE_OVERHEAD });
    }
  }
  const entries: StoredEntry[] = [];
  let bytes = 0;
  for (const entry of [...byId.values()].reverse()) {
    if (entries.length >= limits.maxEntries || bytes + entry.bytes > limits.maxBytes) break;
    entries.push(entry);
    bytes += entry.bytes;
  }
  return { entries, lines: count };
}

const ADD_LINE_OVERHEAD = addLine('').length;

type Change = { add: unknown; id: string } | { remove: string } | { clear: true };

function parseLine(line: string): Change | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const change = value as Record<string, unknown>;
  if (change.clear === true) return { clear: true };
  if (typeof change.remove === 'string') return { remove: change.remove };
  const added = change.add as Record<string, unknown> | undefined;
  if (added && typeof added === 'object' && typeof added.id === 'string' && added.id) return { add: added, id: added.id };
  return undefined;
}
