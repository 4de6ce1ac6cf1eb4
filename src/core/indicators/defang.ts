/**
 * Defanged indicators, as analysts write them in reports (`1[.]1[.]1[.]1`, `evil[.]com`,
 * `bob[at]example.com`, `hxxps://`): where they are, and the text with them undone
 * ("refanged"), with a map back to the original offsets. What a token is: tokens.ts.
 */
import { CHAR_CLASSES, TOKEN_START } from './charClasses';
import { bracketTokenAt, defangedSchemeEndingAt, type Edit } from './tokens';

/** Every defanged spelling in `text[from, to)`, in order. */
export function findEdits(text: string, from = 0, to = text.length): Edit[] {
  const edits: Edit[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((CHAR_CLASSES[code] & TOKEN_START) !== 0) {
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
