import { TOKEN_OPENERS } from './tokens';

/**
 * What each character can be part of, one table lookup per character, shared by the scanners.
 * Only ASCII characters have classes; the rest (and a position outside the text) have none.
 */
export const V4 = 1; // [0-9.]: IPv4 runs
export const V6 = 2; // [0-9A-Fa-f:.]: IPv6 runs
export const NAME = 4; // [A-Za-z0-9_.-]: host name runs
export const TRIGGER = 8; // . : @ [ ( { ] \: where a candidate or a defanged token can be; everything else is skipped
/**
 * [A-Za-z0-9._%+\-@:/[\]]: what may be part of a target's text. Everything else (white space,
 * quotes, commas, "=", "(", non-ASCII, …) separates targets: no target, run or look-around
 * that decides between overlapping targets crosses it (except defanged tokens).
 */
export const IN_TARGET = 16;
/**
 * Next to an IPv4 run, makes it something else or part of something else: letters and "_" (a
 * word goes on), "-" (a name or a version), "+" "%" "@" (an email or a zone), ":" "/" (a port,
 * a prefix, an IPv6 address, a product version), digits and "." (a run's edge).
 */
export const BLOCKS_PLAIN = 32;
/** [ ( { ] \: where a defanged token (bracketTokenAt) can start. */
export const TOKEN_START = 64;

/** Indexed by character code (all 65,536, so any `charCodeAt` can index it; NaN gives undefined). */
export const CHAR_CLASSES = buildClasses();

function buildClasses(): Uint8Array {
  const table = new Uint8Array(65_536);
  const mark = (chars: string, flag: number) => {
    for (const char of chars) table[char.charCodeAt(0)] |= flag;
  };
  const digits = '0123456789';
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  mark(`${digits}.`, V4);
  mark(`${digits}abcdefABCDEF:.`, V6);
  mark(`${digits}${letters}_.-`, NAME);
  mark(`.:@${TOKEN_OPENERS}`, TRIGGER);
  mark(TOKEN_OPENERS, TOKEN_START);
  mark(`${digits}${letters}._%+-@:/[]`, IN_TARGET);
  mark(`${digits}${letters}_-+%@:/.`, BLOCKS_PLAIN);
  return table;
}

/** Class bits of the character at `index` (0 outside the text). */
export function classAt(text: string, index: number): number {
  return CHAR_CLASSES[text.charCodeAt(index)] | 0;
}

/** Where the run of characters with `flag` around `index` starts, not before `from`. */
export function runStart(text: string, index: number, from: number, flag: number): number {
  let start = index;
  while (start > from && (CHAR_CLASSES[text.charCodeAt(start - 1)] & flag) !== 0) start--;
  return start;
}

/** Where the run of characters with `flag` from `index` on ends, not after `to`. */
export function runEnd(text: string, index: number, to: number, flag: number): number {
  let end = index;
  while (end < to && (CHAR_CLASSES[text.charCodeAt(end)] & flag) !== 0) end++;
  return end;
}
