/**
 * Line-break searches that stay within bounds. `text.lastIndexOf('\n', i)` and
 * `text.indexOf('\n', i)` run to the start or the end of the text when the line is long: once
 * per defanged token of a one-line file (minified JSON), that made a scan quadratic. A slice
 * is a view in V8, not a copy, so searching one costs no more than its length.
 */

/** The last line break in `text[floor, index)`, or -1. */
export function lastNewlineIn(text: string, floor: number, index: number): number {
  if (index <= floor) return -1;
  const at = text.slice(floor, index).lastIndexOf('\n');
  return at < 0 ? -1 : floor + at;
}

/** The first line break in `text[index, limit)`, or -1. */
export function newlineIn(text: string, index: number, limit: number): number {
  if (limit <= index) return -1;
  const at = text.slice(index, limit).indexOf('\n');
  return at < 0 ? -1 : index + at;
}
