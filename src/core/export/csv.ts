import type { ResultRecord } from '../record/resultRecord';
import { flatten } from './flatten';
import { RECORD_COLUMNS, recordFields } from './recordFields';

/** A row's record fields (in `RECORD_COLUMNS` order) and the column sets its data cells come from. */
interface Row {
  fields: string[];
  data: Array<Record<string, string>>;
}

/**
 * RFC 4180 CSV (CRLF line endings, every line terminated): a header, then one row per
 * record with `RECORD_COLUMNS` and the record's flattened `data.*` columns (the union over
 * all rows, in order of first appearance).
 *
 * One exception, so a single search result reads like the table it is: when exactly one
 * record is exported and its `data` is, or directly holds, a non-empty list of objects
 * (the `records` of a ULP search, the `blocks` of a breach search), there is one row per
 * list item, with the item's fields as `data.records.url`, ... and the rest of `data`
 * (`data.stats.total`, ...) repeated on every row so nothing is lost. If `data` holds
 * several such lists, the longest one is used (the first on a tie).
 */
export function toCsv(records: ResultRecord[]): string {
  const rows = records.length === 1 ? rowsOfSingle(records[0]) : records.map((record) => rowOf(record, [flatten(record.data, 'data')]));
  const dataColumns: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const part of row.data) {
      for (const column of Object.keys(part)) {
        if (!known.has(column)) {
          known.add(column);
          dataColumns.push(column);
        }
      }
    }
  }
  const lines = [line([...RECORD_COLUMNS, ...dataColumns])];
  for (const row of rows) lines.push(line([...row.fields, ...dataColumns.map((column) => cellOf(row, column))]));
  return lines.join('');
}

function rowsOfSingle(record: ResultRecord): Row[] {
  const data = record.data;
  if (isListOfObjects(data)) return data.map((item) => rowOf(record, [flatten(item, 'data')]));
  if (data === null || typeof data !== 'object') return [rowOf(record, [flatten(data, 'data')])];

  const entries = Object.entries(data);
  let listKey: string | undefined;
  let longest = 0;
  for (const [key, value] of entries) {
    if (isListOfObjects(value) && value.length > longest) {
      listKey = key;
      longest = value.length;
    }
  }
  if (listKey === undefined) return [rowOf(record, [flatten(data, 'data')])];

  const context = entries.filter(([key]) => key !== listKey).map(([key, value]) => flatten(value, `data.${key}`));
  const items = (data as Record<string, unknown[]>)[listKey];
  return items.map((item) => rowOf(record, [...context, flatten(item, `data.${listKey}`)]));
}

function isListOfObjects(value: unknown): value is object[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))
  );
}

function rowOf(record: ResultRecord, data: Array<Record<string, string>>): Row {
  const fields = recordFields(record);
  return { fields: RECORD_COLUMNS.map((column) => fields[column]), data };
}

function cellOf(row: Row, column: string): string {
  for (const part of row.data) if (Object.hasOwn(part, column)) return part[column];
  return '';
}

function line(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) unless it is just a number. */
const FORMULA_START = /^[=+\-@\t\r]/;
// Each digit run has one way to match, so a long `+111…1x` cell fails in linear time.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Most cells need neither; one test keeps a 10,000-row export fast. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/** One RFC 4180 field, defused against CSV injection by a leading `'`. */
export function csvCell(value: string): string {
  if (!NEEDS_CARE.test(value)) return value;
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
