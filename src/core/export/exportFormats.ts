import { realClock, type Clock } from '../clock';
import { redact, redactSecrets, redactText } from '../record/redact';
import type { ResultRecord } from '../record/resultRecord';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { isoTime } from './recordFields';

export { flatten } from './flatten';

/** The file formats a result or the history can be exported to; the one place they are spelled. */
export const EXPORT_FORMATS = ['json', 'csv', 'markdown'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Strings (the API key) replaced by `[redacted]` anywhere in the output, as a last line of defence. */
  secrets?: string[];
  /** Mask sensitive fields (again) before exporting; records from history are normally redacted already. */
  redact?: boolean;
  /** Clock for the export time stamp. */
  clock?: Clock;
}

/**
 * The records as a file's text: JSON is always `{ exportedAt, records: [...] }` (one shape
 * whether one result or the whole history is exported), CSV and Markdown as described in
 * `toCsv` and `toMarkdown`.
 */
export function exportRecords(records: ResultRecord[], format: ExportFormat, options: ExportOptions = {}): string {
  const exportedAt = (options.clock ?? realClock).now();
  const secrets = options.secrets ?? [];
  const masked = options.redact ? records.map(redactRecord) : records;
  // Secrets go before rendering (Markdown escaping would hide `a_b` as `a\_b`) and again
  // after, for anything the formats assemble themselves (object keys, column names).
  const prepared = redactSecrets(masked, secrets) as ResultRecord[];
  return redactText(render(prepared, format, exportedAt), secrets);
}

export function fileExtension(format: ExportFormat): string {
  return format === 'markdown' ? 'md' : format;
}

function render(records: ResultRecord[], format: ExportFormat, exportedAt: number): string {
  switch (format) {
    case 'json':
      return toJson(records, exportedAt);
    case 'csv':
      return toCsv(records);
    case 'markdown':
      return toMarkdown(records, exportedAt);
  }
}

function toJson(records: ResultRecord[], exportedAt: number): string {
  try {
    return `${JSON.stringify({ exportedAt: isoTime(exportedAt), records }, null, 2)}\n`;
  } catch (error) {
    // JSON.stringify recurses: a result nested thousands of levels deep overflows it.
    if (error instanceof RangeError)
      throw new Error('This result is nested too deeply to export as JSON; export it as CSV or Markdown instead.', { cause: error });
    throw error;
  }
}

function redactRecord(record: ResultRecord): ResultRecord {
  if (record.data === undefined) return record;
  const { data, count } = redact(record.data);
  return count === 0 ? record : { ...record, data, redactedCount: (record.redactedCount ?? 0) + count };
}
