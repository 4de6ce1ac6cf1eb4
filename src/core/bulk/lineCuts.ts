/**
 * Where a very long line (minified JSON, a CSV with no line breaks) may be cut into slices or
 * pieces: just after white space, else just after a `"`, `,` or `;`. No target, run or
 * look-around that decides between targets crosses one of these (see IN_TARGET), except
 * tcpdump's `a.b.c.d.port > …`, which a cut into separate pieces must give context for.
 */

const BLANK = 2;
const SEPARATOR = 1;

function cutKind(code: number): number {
  if (code === 32 || code === 9 || code === 13) return BLANK; // space, tab, CR
  return code === 34 || code === 44 || code === 59 ? SEPARATOR : 0; // " , ;
}

/** The first place to cut in `text[from, limit)`: after the first white space, else after the first separator; -1 when none. */
export function firstLineCut(text: string, from: number, limit: number): number {
  let separator = -1;
  for (let i = from; i < limit; i++) {
    const kind = cutKind(text.charCodeAt(i));
    if (kind === BLANK) return i + 1;
    if (kind === SEPARATOR && separator < 0) separator = i + 1;
  }
  return separator;
}

/** The same, the last place: after the last white space, else after the last separator; -1 when none. */
export function lastLineCut(text: string, from: number, limit: number): number {
  let separator = -1;
  for (let i = limit - 1; i >= from; i--) {
    const kind = cutKind(text.charCodeAt(i));
    if (kind === BLANK) return i + 1;
    if (kind === SEPARATOR && separator < 0) separator = i + 1;
  }
  return separator;
}
