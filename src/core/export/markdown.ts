import type { ResultRecord } from '../record/resultRecord';
import { flatten } from './flatten';
import { RECORD_COLUMNS, isoTime, recordFields } from './recordFields';

/**
 * A Markdown report: a title, a summary table (time, tool, input, status) when there is
 * more than one record, then per record a heading and a `| field | value |` table of its
 * fields and flattened `data.*`. Every piece of text from a record is escaped, so API data
 * can neither break the tables nor inject links, HTML or headings.
 */
export function toMarkdown(records: ResultRecord[], exportedAt: number): string {
  const out = [
    '# NiamonX results',
    '',
    `Exported ${isoTime(exportedAt)}, ${records.length} ${records.length === 1 ? 'result' : 'results'}.`,
    '',
  ];
  if (records.length === 0) out.push('No results.', '');
  if (records.length > 1) {
    out.push(tableRow(['Time', 'Tool', 'Input', 'Status']), '| --- | --- | --- | --- |');
    for (const record of records) {
      out.push(
        tableRow([isoTime(record.startedAt), record.toolLabel ?? record.tool, record.input, statusText(record)].map(escapeMarkdown)),
      );
    }
    out.push('');
  }
  for (const record of records) {
    out.push(`## ${escapeMarkdown(`${record.toolLabel ?? record.tool} — ${record.input}`)}`, '');
    out.push('| Field | Value |', '| --- | --- |');
    const fields = recordFields(record);
    for (const column of RECORD_COLUMNS) out.push(tableRow([column, fields[column]].map(escapeMarkdown)));
    for (const [column, value] of Object.entries(flatten(record.data, 'data'))) out.push(tableRow([column, value].map(escapeMarkdown)));
    out.push('');
  }
  return out.join('\n');
}

function statusText(record: ResultRecord): string {
  const code = record.status === undefined ? '' : ` (${record.status})`;
  const outcome = record.ok ? `ok${code}` : `${record.error?.kind ?? 'failed'}${code}`;
  return record.cached ? `${outcome}, cached` : outcome;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Text as literal Markdown on one line: line breaks become ` ⏎ ` (no raw HTML such as
 * `<br>`), and every character that can start markup (`|` of tables, backticks, emphasis,
 * links, HTML tags and entities, `#` of headings, backslash itself) is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/[\\`*_[\]<>|#&~]/g, '\\$&');
}
