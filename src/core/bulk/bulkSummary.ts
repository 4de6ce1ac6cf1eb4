import type { ToolRun } from '../errors';
import { summarise } from '../render/summary';
import type { BulkPlan } from './bulkPlan';
import type { BulkRow, BulkRunResult, StopReason } from './bulkScheduler';

export interface BulkCounts {
  found: number;
  unique: number;
  duplicates: number;
  skipped: number;
  answered: number;
  cached: number;
  failed: number;
  notRun: number;
  rateLimited: number;
}

/** What a bulk command returns to its caller (tests, other extensions): plain data, no answers' bodies. */
export interface BulkSummary {
  tool: string;
  source: string;
  counts: BulkCounts;
  stopped?: StopReason;
  stopMessage?: string;
  /** `attempts`: real calls made for the row, retries included. */
  rows: { raw: string; sent: string; status: BulkRow['status']; outcome: string; attempts: number }[];
  skipped: { raw: string; value: string; reason: string; occurrences: number }[];
}

/** The summary as the results panel and exports show it: counts, a row per target, then the skipped ones. */
export interface BulkRecordData {
  stats: Record<string, number>;
  results: Record<string, string>[];
  skipped: Record<string, string | number>[];
}

export function summariseBulk(tool: string, source: string, plan: BulkPlan, result: BulkRunResult): BulkSummary {
  const rows = result.rows.map((row, index) => ({
    raw: plan.targets[index]?.raws.join(', ') ?? row.sent,
    sent: row.sent,
    status: row.status,
    outcome: outcomeText(tool, row),
    attempts: row.attempts,
  }));
  const count = (status: BulkRow['status']) => result.rows.filter((row) => row.status === status).length;
  const counts: BulkCounts = {
    found: plan.found,
    unique: plan.targets.length,
    duplicates: plan.duplicates,
    skipped: plan.skipped.length,
    answered: count('ok'),
    cached: count('cached'),
    failed: count('failed'),
    notRun: count('not-run'),
    rateLimited: result.rateLimited,
  };
  const skipped = plan.skipped.map(({ raw, value, reason, occurrences }) => ({ raw, value, reason, occurrences }));
  return {
    tool,
    source,
    counts,
    rows,
    skipped,
    ...(result.stopped && { stopped: result.stopped }),
    ...(result.stopMessage && { stopMessage: result.stopMessage }),
  };
}

/**
 * The record's data: one row per target, for a half-width panel: what was found and its status
 * first, then the key fields of its answer (or the error, or why it was not run), and what was
 * sent only where it differs from what was found (a defanged or a long IPv6 form).
 */
export function bulkRecordData(summary: BulkSummary, result: BulkRunResult): BulkRecordData {
  const { counts } = summary;
  const results = summary.rows.map((row, index) => {
    const source = result.rows[index];
    const cells: Record<string, string> = { found: row.raw, status: statusText(source) };
    if (source.run?.ok) {
      for (const item of summarise(summary.tool, source.run.data)) cells[item.label] = item.value;
    } else if (source.run && !source.run.ok) {
      cells.error = source.run.error.message;
    }
    if (row.raw !== row.sent) cells.sent = row.sent;
    return cells;
  });
  return {
    stats: {
      found: counts.found,
      unique: counts.unique,
      answered: counts.answered,
      'from cache': counts.cached,
      failed: counts.failed,
      'not run': counts.notRun,
      skipped: counts.skipped,
      '429s': counts.rateLimited,
    },
    results,
    skipped: summary.skipped.map((skip) => ({ found: skip.raw, value: skip.value, reason: skip.reason, occurrences: skip.occurrences })),
  };
}

/** What Run Again re-runs: the failed and not-run rows. */
export function pendingInputs(result: BulkRunResult): string[] {
  return result.rows.filter((row) => row.status === 'failed' || row.status === 'not-run').map((row) => row.sent);
}

function statusText(row: BulkRow): string {
  if (row.status === 'not-run') return `not run (${row.notRun ?? 'cancelled'})`;
  if (row.status === 'failed' && row.run && !row.run.ok && row.run.status !== undefined) return `failed (HTTP ${row.run.status})`;
  return row.status;
}

function outcomeText(tool: string, row: BulkRow): string {
  const run: ToolRun | undefined = row.run;
  if (row.status === 'not-run') return `not run (${row.notRun ?? 'cancelled'})`;
  if (!run) return '';
  if (!run.ok) return run.error.message;
  return (
    summarise(tool, run.data)
      .map((item) => `${item.label}: ${item.value}`)
      .join('; ') || 'ok'
  );
}
