import type { ToolDefinition } from '../catalog/toolDefinition';
import { Emitter } from '../events';
import { redact } from '../record/redact';
import type { ResultRecord } from '../record/resultRecord';
import type { SummaryItem } from '../render/summary';
import { plainTranslate, type Translate } from '../translate';
import { evaluateFindings, type Finding } from './findingRules';
import { verdictLine, verdictOfItems } from './verdictLine';

/** What is known about one indicator from one tool's answer, without asking again. */
export interface HeldAnswer {
  tool: string;
  /** The value the tool ran on, as sent (refanged, normalised). */
  value: string;
  verdict: string;
  findings: Finding[];
  /** When the answer arrived (epoch ms). */
  at: number;
  /** The history entry holding the whole answer, when there is one. */
  recordId?: string;
  /** The redacted answer (Open Result shows it when no history entry holds it). */
  data?: unknown;
}

/** Indicators remembered at most (the oldest go first): verdicts of a few bulk runs, not a database. */
export const MAX_HELD_VALUES = 50_000;
/** Bulk answers are kept whole only for this many values (for Open Result); the verdict for all. */
const MAX_HELD_DATA = 2_000;

/**
 * The verdicts of answers already held: the history (single runs with their answer, bulk runs
 * with each row's summary) and the answers this session received (bulk runs' rows). Looking a
 * value up never makes a request: this index only ever receives answers, it cannot ask for one.
 */
export class HeldAnswers {
  private readonly received = new Map<string, Map<string, HeldAnswer>>();
  private fromHistory = new Map<string, Map<string, HeldAnswer | ResultRecord>>();
  /** A single run's verdict, worked out at its first lookup (redacting every answer at once would block). */
  private ofRecord = new WeakMap<ResultRecord, HeldAnswer>();
  private historyStale = true;
  /** Lower-cased values whose held answers have a finding: a document scan checks this first. */
  private withFindings = new Set<string>();
  private findingsChanges = 0;
  private readonly changes = new Emitter();
  readonly onDidChange = this.changes.event;
  private dataKept = 0;

  constructor(
    private readonly history: () => readonly ResultRecord[],
    private readonly tool: (name: string) => ToolDefinition | undefined,
    /** The user's language for verdicts and the built-in findings (`vscode.l10n.t` in the extension). */
    private readonly t: Translate = plainTranslate,
  ) {}

  /** Answers received outside the history (a bulk run's rows): remembered with their verdict and findings. */
  remember(answers: readonly { tool: string; value: string; data: unknown; at: number }[]): void {
    for (const answer of answers) {
      const held = this.hold(answer.tool, answer.value, answer.data, answer.at);
      if (this.dataKept >= MAX_HELD_DATA) delete held.data;
      else this.dataKept++;
      const key = answer.value.toLowerCase();
      const byTool = this.received.get(key) ?? new Map<string, HeldAnswer>();
      this.received.delete(key); // re-inserted last: the newest stays longest
      byTool.set(answer.tool, held);
      this.received.set(key, byTool);
      if (held.findings.length > 0 && !this.withFindings.has(key)) {
        this.withFindings.add(key);
        this.findingsChanges++;
      }
    }
    while (this.received.size > MAX_HELD_VALUES) this.received.delete(this.received.keys().next().value as string);
    this.changes.fire();
  }

  /** The history (or the tools' finding rules) changed: its index is rebuilt at the next lookup. */
  historyChanged(): void {
    this.historyStale = true;
    this.ofRecord = new WeakMap(); // the tools' rules may have changed too
    this.changes.fire();
  }

  /** Forget what this session received (Clear Cache, Delete All Local Data). */
  clear(): void {
    this.received.clear();
    if (this.withFindings.size > 0) this.findingsChanges++;
    this.withFindings = new Set();
    this.dataKept = 0;
    this.historyStale = true;
    this.changes.fire();
  }

  /** Every held answer for `value`, newest first; one per tool. */
  lookup(value: string): HeldAnswer[] {
    const key = value.toLowerCase();
    const merged = new Map<string, HeldAnswer>();
    for (const source of [this.historyIndex().get(key), this.received.get(key)]) {
      for (const [tool, entry] of source ?? []) {
        const held = 'verdict' in entry ? entry : this.heldOfRecord(entry);
        const known = merged.get(tool);
        if (!known || known.at <= held.at) merged.set(tool, held);
      }
    }
    return [...merged.values()].sort((a, b) => b.at - a.at);
  }

  /** Whether any held answer for `value` has a finding (a set lookup: a scan asks this per occurrence). */
  hasFindings(value: string): boolean {
    this.historyIndex();
    return this.withFindings.has(value.toLowerCase());
  }

  /** Changes whenever the set of values with findings does: documents are scanned again only then. */
  get findingsVersion(): number {
    this.historyIndex();
    return this.findingsChanges;
  }

  /** Whether any held answer has a finding (documents are not scanned when none has). */
  get anyFindings(): boolean {
    this.historyIndex();
    return this.withFindings.size > 0;
  }

  /** Whether anything is held at all (decorating is skipped when nothing is). */
  get isEmpty(): boolean {
    return this.received.size === 0 && this.historyIndex().size === 0;
  }

  private hold(tool: string, value: string, data: unknown, at: number): HeldAnswer {
    const redacted = redact(data).data;
    return {
      tool,
      value,
      verdict: verdictLine(tool, redacted, this.t),
      findings: evaluateFindings(this.tool(tool)?.findings, redacted, this.t),
      at,
      data: redacted,
    };
  }

  private heldOfRecord(record: ResultRecord): HeldAnswer {
    let held = this.ofRecord.get(record);
    if (!held) {
      held = { ...this.hold(record.tool, record.input, record.data, record.startedAt), recordId: record.id };
      delete held.data; // the history entry holds it
      this.ofRecord.set(record, held);
    }
    return held;
  }

  /** Built once per history change, linear in its records (oldest first, so newer ones win). */
  private historyIndex(): Map<string, Map<string, HeldAnswer | ResultRecord>> {
    if (!this.historyStale) return this.fromHistory;
    const index = new Map<string, Map<string, HeldAnswer | ResultRecord>>();
    const before = this.withFindings;
    this.withFindings = new Set();
    const put = (value: string, tool: string, entry: HeldAnswer | ResultRecord) => {
      const key = value.toLowerCase();
      const byTool = index.get(key) ?? new Map<string, HeldAnswer | ResultRecord>();
      byTool.set(tool, entry); // records come oldest first: a newer one replaces an older one
      index.set(key, byTool);
    };
    const records = this.history();
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i];
      if (!record.ok) continue;
      if (record.bulk) {
        for (const row of bulkRows(record)) {
          const held = {
            tool: record.tool,
            value: row.sent,
            verdict: verdictOfItems(row.items, this.t),
            findings: [],
            at: record.startedAt,
            recordId: record.id,
          };
          put(row.sent, record.tool, held);
        }
      } else if (record.data !== undefined && !record.requestBody) {
        put(record.input, record.tool, record);
        // Only whether there is a finding, so the answer need not be redacted here (its messages are not kept).
        const rules = this.tool(record.tool)?.findings;
        if (rules?.length && evaluateFindings(rules, record.data).length > 0) this.withFindings.add(record.input.toLowerCase());
      }
    }
    for (const [key, byTool] of this.received) {
      for (const held of byTool.values()) if (held.findings.length > 0) this.withFindings.add(key);
    }
    if (before.size !== this.withFindings.size || [...before].some((key) => !this.withFindings.has(key))) this.findingsChanges++;
    this.fromHistory = index;
    this.historyStale = false;
    return index;
  }
}

/** Columns of a bulk row that are not the answer's summary. */
const ROW_COLUMNS = new Set(['found', 'sent', 'status', 'error']);

/** A bulk record's answered rows, each with its summary cells (see bulkRecordData). */
function bulkRows(record: ResultRecord): { sent: string; items: SummaryItem[] }[] {
  const results = (record.data as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) return [];
  const rows: { sent: string; items: SummaryItem[] }[] = [];
  for (const row of results as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const cells = row as Record<string, unknown>;
    const sent = typeof cells.sent === 'string' ? cells.sent : cells.found; // `sent` may be left out where it equals `found`
    if (typeof sent !== 'string' || cells.error !== undefined) continue;
    const items = Object.entries(cells)
      .filter(([label, value]) => !ROW_COLUMNS.has(label) && typeof value === 'string')
      .map(([label, value]) => ({ label, value: value as string }));
    if (items.length > 0) rows.push({ sent, items });
  }
  return rows;
}
