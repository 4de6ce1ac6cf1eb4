import type { ResultRecord } from '../record/resultRecord';

/** The columns every exported record has, before its flattened `data.*` columns. */
export const RECORD_COLUMNS = [
  'tool',
  'input',
  'startedAt',
  'durationMs',
  'status',
  'ok',
  'cached',
  'error.kind',
  'error.message',
] as const;

/** A record's own fields as text, keyed by `RECORD_COLUMNS` (absent values are empty). */
export function recordFields(record: ResultRecord): Record<(typeof RECORD_COLUMNS)[number], string> {
  return {
    tool: record.tool,
    input: record.input,
    startedAt: isoTime(record.startedAt),
    durationMs: textOf(record.durationMs),
    status: textOf(record.status),
    ok: String(record.ok),
    cached: record.cached ? 'true' : 'false',
    'error.kind': record.error?.kind ?? '',
    'error.message': record.error?.message ?? '',
  };
}

/** ISO 8601 in UTC; a timestamp a Date cannot hold is written as it is instead of throwing. */
export function isoTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? String(epochMs) : date.toISOString();
}

function textOf(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
