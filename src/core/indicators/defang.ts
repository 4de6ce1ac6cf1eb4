/**
 * Defanged indicators, as analysts write them in reports (`1[.]1[.]1[.]1`, `evil[.]com`,
 * `bob[at]example.com`, `hxxps://`): where they are, and the text with them undone
 * ("refanged"), with a map back to the original offsets.
 */

/** One defanged spelling in the original text and what it stands for. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
  /** `hxxp`/`hxxps`: the host after it came from a defanged URL. */
  scheme?: boolean;
}

const BRACKET_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['[.]', '.'],
  ['(.)', '.'],
  ['{.}', '.'],
  ['[dot]', '.'],
  ['(dot)', '.'],
  ['{dot}', '.'],
  ['[:]', ':'],
  ['[://]', '://'],
  ['[at]', '@'],
  ['(at)', '@'],
  ['{at}', '@'],
  ['[@]', '@'],
  ['(@)', '@'],
];

/**
 * Every defanged token, as a regular expression's source (a superset of what bracketTokenAt
 * accepts: the scanners use it to find the places to judge; a `]` before a letter or digit
 * stands for `.]`, as a lookbehind would make V8 try every position of a long text). Besides the bracketed tokens: half
 * brackets (`1[.2`, `evil.]com`) and an escaped dot (`evil\.com`), each between two letters or digits.
 */
export const DEFANGED_TOKEN_SOURCE = String.raw`\[(?:\.|dot|:\/\/|:|at|@)\]|\((?:\.|dot|at|@)\)|\{(?:\.|dot|at)\}|hxxps?(?=:\/\/)|\[(?=\.[A-Za-z0-9])|\](?=[A-Za-z0-9])|\\(?=\.[A-Za-z0-9])`;

/** Tokens whose spaces around them belong to them (`bob [at] corp [dot] com`), between two letters or digits. */
const SPACED_TOKENS: ReadonlySet<string> = new Set(['[.]', '(.)', '[dot]', '(dot)', '{dot}', '[at]', '(at)', '{at}', '[@]', '(@)']);

const alnumAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index) | 32;
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57 && text.charCodeAt(index) === code);
};

/**
 * The defanged token at `index`, if any: a bracketed one (`[.]`, `(dot)`, `[at]`, …, with the
 * spaces around it when it stands between words: `corp [dot] com`), a half bracket (`1[.2`,
 * `evil.]com`; the edit then starts at the dot) or an escaped dot (`evil\.com`). The half forms
 * count only between letters or digits, so `a[.5]` in code or a regex is left alone unless it
 * refangs to something a scanner then accepts as a whole target.
 */
export function bracketTokenAt(text: string, index: number): Edit | undefined {
  const open = text.charCodeAt(index);
  if (open === 93) {
    // `.]`: a half bracket after a dot
    return text.charCodeAt(index - 1) === 46 && alnumAt(text, index - 2) && alnumAt(text, index + 1)
      ? { start: index - 1, end: index + 1, replacement: '.' }
      : undefined;
  }
  if (open === 92) {
    // `\.`: an escaped dot
    return text.charCodeAt(index + 1) === 46 && alnumAt(text, index - 1) && alnumAt(text, index + 2)
      ? { start: index, end: index + 2, replacement: '.' }
      : undefined;
  }
  if (open !== 91 && open !== 40 && open !== 123) return undefined; // [ ( {
  for (const [token, replacement] of BRACKET_TOKENS) {
    if (token.charCodeAt(0) === open && startsWithIgnoringCase(text, index, token)) {
      const end = index + token.length;
      if (
        SPACED_TOKENS.has(token) &&
        text.charCodeAt(index - 1) === 32 &&
        text.charCodeAt(end) === 32 &&
        alnumAt(text, index - 2) &&
        alnumAt(text, end + 1)
      ) {
        return { start: index - 1, end: end + 1, replacement };
      }
      return { start: index, end, replacement };
    }
  }
  // `1[.2`: a half bracket before a dot
  if (open === 91 && text.charCodeAt(index + 1) === 46 && alnumAt(text, index - 1) && alnumAt(text, index + 2)) {
    return { start: index, end: index + 2, replacement: '.' };
  }
  return undefined;
}

/**
 * `text` has `lower` (lower-case ASCII) at `at`, ignoring ASCII case: what comparing a lower-
 * cased slice did (no other character lower-cases to the letters of a token), without the slice.
 */
function startsWithIgnoringCase(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let code = text.charCodeAt(at + i);
    if (code >= 65 && code <= 90) code |= 32;
    if (code !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** `hxxp` or `hxxps` (any case) ending at `end`, where a `://` (plain or defanged) follows. */
export function defangedSchemeEndingAt(text: string, end: number): Edit | undefined {
  const s = text[end - 1] === 's' || text[end - 1] === 'S' ? 1 : 0;
  const start = end - 4 - s;
  if (start < 0 || !startsWithIgnoringCase(text, start, 'hxxp')) return undefined;
  if (/[A-Za-z0-9]/.test(text[start - 1] ?? '')) return undefined; // part of a longer word
  return { start, end, replacement: s ? 'https' : 'http', scheme: true };
}

/** Every defanged spelling in `text[from, to)`, in order. */
export function findEdits(text: string, from = 0, to = text.length): Edit[] {
  const edits: Edit[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 || code === 40 || code === 123 || code === 93 || code === 92) {
      const edit = bracketTokenAt(text, i);
      const last = edits[edits.length - 1];
      if (edit && edit.end <= to && edit.start >= from && (!last || last.end <= edit.start)) {
        if (edit.replacement.startsWith(':')) pushScheme(text, edit.start, edits, from);
        edits.push(edit);
        i = edit.end - 1;
      }
    } else if (code === 58 && text.startsWith('//', i + 1)) {
      pushScheme(text, i, edits, from);
    }
  }
  return edits;
}

function pushScheme(text: string, end: number, edits: Edit[], from: number): void {
  const scheme = defangedSchemeEndingAt(text, end);
  const last = edits[edits.length - 1];
  if (scheme && scheme.start >= from && (!last || last.end <= scheme.start)) edits.push(scheme);
}

/** The refanged text of a window of the original, and the way back to original offsets. */
export class RefangedText {
  readonly text: string;
  /** Each edit with its span in the refanged text. */
  private readonly spans: Array<Edit & { refangedStart: number; refangedEnd: number }> = [];

  constructor(
    original: string,
    private readonly from: number,
    to: number,
    edits: readonly Edit[],
  ) {
    const pieces: string[] = [];
    let at = from;
    let length = 0;
    for (const edit of edits) {
      pieces.push(original.slice(at, edit.start), edit.replacement);
      length += edit.start - at;
      this.spans.push({
        start: edit.start,
        end: edit.end,
        replacement: edit.replacement,
        scheme: edit.scheme === true,
        refangedStart: length,
        refangedEnd: length + edit.replacement.length,
      });
      length += edit.replacement.length;
      at = edit.end;
    }
    pieces.push(original.slice(at, to));
    this.text = pieces.join('');
  }

  /** Original offset of the character at refanged offset `offset` (a token's start, inside one). */
  startInOriginal(offset: number): number {
    let base = this.from;
    let baseRefanged = 0;
    for (const span of this.spans) {
      if (offset < span.refangedStart) break;
      if (offset < span.refangedEnd) return span.start;
      base = span.end;
      baseRefanged = span.refangedEnd;
    }
    return base + offset - baseRefanged;
  }

  /** Original offset just after the character before refanged offset `offset`. */
  endInOriginal(offset: number): number {
    let base = this.from;
    let baseRefanged = 0;
    for (const span of this.spans) {
      if (offset <= span.refangedStart) break;
      if (offset <= span.refangedEnd) return span.end;
      base = span.end;
      baseRefanged = span.refangedEnd;
    }
    return base + offset - baseRefanged;
  }

  /**
   * A target at refanged [start, end) is defanged when it contains an edit, or is the host
   * of a URL whose scheme was defanged (`hxxps://host`).
   */
  isDefanged(start: number, end: number): boolean {
    return this.spans.some(
      (span) =>
        (span.refangedStart < end && span.refangedEnd > start) ||
        (span.scheme && span.refangedEnd <= start && /^:\/\/(?:[^\s/?#@]*@)?\[?$/.test(this.text.slice(span.refangedEnd, start))),
    );
  }
}
