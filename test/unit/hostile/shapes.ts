/**
 * One-megabyte texts built for the worst case of a scanner or a regular expression: long runs
 * of one character class, a token repeated a hundred thousand times, almost-matches that fail
 * only at their end. A linear function reads each in milliseconds; a quadratic one needs minutes.
 */
export const MB = 1 << 20;

/** `unit` repeated to `size` characters (cut to length). */
export function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Texts whose shape is the worst case for finding IPs, domains, emails and defanged forms. */
export const TEXT_SHAPES: Record<string, () => string> = {
  'one address repeated': () => fill('8.8.8.8 '),
  'a million tiny tokens': () => fill('1 '),
  'one endless dotted number': () => fill('1.'),
  'one endless dotted name': () => fill('a.'),
  'one endless word': () => fill('a'),
  'one endless hex-and-colon run': () => fill('1:'),
  'at signs': () => fill('a@'),
  'defanged dots': () => fill('1[.]'),
  'unclosed brackets': () => fill('['),
  'hxxp schemes': () => fill('hxxp'),
  dashes: () => fill('-'),
  'almost an address at the end': () => fill('1.2.3.') + '9999',
  'digits without end': () => fill('1'),
  'uppercase run': () => fill('A'),
  'long lines of whitespace': () => fill(' \t'),
};
