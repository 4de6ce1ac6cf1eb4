/**
 * The grammar of the marks the scanners look for, in one place: the defanged tokens analysts
 * write in reports (`1[.]1[.]1[.]1`, `evil(dot)com`, `bob[at]example.com`, `hxxps://`), how to
 * read one at a position (bracketTokenAt, defangedSchemeEndingAt), the regular expressions that
 * find them (built from the same table), and the mark of a possible IPv6 address.
 */

/** One defanged spelling in the original text and what it stands for. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
  /** `hxxp`/`hxxps`: the host after it came from a defanged URL. */
  scheme?: boolean;
}

interface BracketToken {
  /** Lower case; matched ignoring ASCII case. */
  token: string;
  replacement: string;
  /** The spaces around it belong to it between two letters or digits (`bob [at] corp [dot] com`). */
  spaced: boolean;
}

/** Every bracketed token: the table the reader (bracketTokenAt) and the search (DEFANGED_TOKEN_SOURCE) both come from. */
const BRACKET_TOKENS: readonly BracketToken[] = [
  { token: '[.]', replacement: '.', spaced: true },
  { token: '(.)', replacement: '.', spaced: true },
  { token: '{.}', replacement: '.', spaced: false },
  { token: '[dot]', replacement: '.', spaced: true },
  { token: '(dot)', replacement: '.', spaced: true },
  { token: '{dot}', replacement: '.', spaced: true },
  { token: '[://]', replacement: '://', spaced: false },
  { token: '[:]', replacement: ':', spaced: false },
  { token: '[at]', replacement: '@', spaced: true },
  { token: '(at)', replacement: '@', spaced: true },
  { token: '{at}', replacement: '@', spaced: true },
  { token: '[@]', replacement: '@', spaced: true },
  { token: '(@)', replacement: '@', spaced: true },
];

/**
 * The defanged forms besides the bracketed tokens, each where bracketTokenAt or
 * defangedSchemeEndingAt would accept it (or more): `hxxp(s)` before `://`, half brackets
 * (`1[.2`, and `evil.]com` found at its `]`: a lookbehind for the dot would make V8 try every
 * position of a long text) and an escaped dot (`evil\.com`).
 */
const OTHER_FORMS = /hxxps?(?=:\/\/)|\[(?=\.[A-Za-z0-9])|\](?=[A-Za-z0-9])|\\(?=\.[A-Za-z0-9])/;

/** The characters a defanged token found by bracketTokenAt starts at: each bracket that opens a token, `]` (of `.]`) and `\`. */
export const TOKEN_OPENERS = [...new Set(BRACKET_TOKENS.map(({ token }) => token[0]))].join('') + ']\\';

/**
 * Every defanged token, as a regular expression's source (use with the `i` flag): a superset
 * of what bracketTokenAt accepts, for the scanners to find the places to judge. The bracketed
 * tokens are alternatives of fixed strings, grouped by their brackets; nothing can backtrack
 * more than a token's length.
 */
export const DEFANGED_TOKEN_SOURCE = `${bracketedSource()}|${OTHER_FORMS.source}`;

/** A global search for every defanged token (DEFANGED_TOKEN_SOURCE); each call makes its own (a search keeps its position). */
export function defangedTokenSearch(): RegExp {
  return new RegExp(DEFANGED_TOKEN_SOURCE, 'gi');
}

/**
 * A global search for a "::" or six colons in one run of `[0-9A-Fa-f:.]`: only the run around
 * such a mark can be an IPv6 address. It starts at a colon: a pattern that may start anywhere
 * costs far more. Each call makes its own (a search keeps its position).
 */
export function ipv6MarkSearch(): RegExp {
  return /::|(?::[0-9A-Fa-f.]*){6}/g;
}

/** `\[(?:\.|dot|…)\]|\((?:…)\)|…`: the bracketed tokens, one group per pair of brackets. */
function bracketedSource(): string {
  const inners = new Map<string, string[]>();
  for (const { token } of BRACKET_TOKENS) {
    const brackets = token[0] + token[token.length - 1];
    const group = inners.get(brackets) ?? [];
    group.push(escapeForRegExp(token.slice(1, -1)));
    inners.set(brackets, group);
  }
  const groups = [...inners].map(
    ([brackets, group]) => `${escapeForRegExp(brackets[0])}(?:${group.join('|')})${escapeForRegExp(brackets[1])}`,
  );
  return groups.join('|');
}

function escapeForRegExp(text: string): string {
  return text.replace(/[$()*+./?[\\\]^{|}]/g, '\\$&');
}

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
  for (const { token, replacement, spaced } of BRACKET_TOKENS) {
    if (token.charCodeAt(0) === open && startsWithIgnoringCase(text, index, token)) {
      const end = index + token.length;
      if (
        spaced &&
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
