import type * as vscode from 'vscode';
import { findTargets } from '../../core/indicators/detectTarget';
import type { Target } from '../../core/indicators/target';
import type { HeldAnswer, HeldAnswers } from '../../core/verdicts/heldAnswers';

/** Lines looked at per editor and update at most (a tall window shows about 100). */
export const MAX_VISIBLE_LINES = 400;
/** Characters of one line scanned at most: a minified line costs no more than this. */
export const MAX_SCANNED_LINE_CHARS = 2000;

/** Kinds of indicator a verdict can be about (plain text never is). */
const INDICATOR_KINDS = new Set(['ip', 'domain', 'email']);

/** What is read of an editor (a plain object in the benchmark): its lines and what is visible. */
export interface VisibleText {
  document: { lineCount: number; lineAt(line: number): { text: string } };
  visibleRanges: readonly { start: { line: number }; end: { line: number } }[];
}

/** One line's verdict, as decorated (tests read these through the internals). */
export interface InlineVerdict {
  line: number;
  /** Where on the line it sits: just after the first answered indicator. */
  character: number;
  value: string;
  answer: HeldAnswer;
  /** Other answered indicators on the same line. */
  more: number;
}

/**
 * The indicators in the visible ranges of an editor, line by line, found by the same scanner
 * as runs (defanged forms included). Bounded: MAX_VISIBLE_LINES lines of MAX_SCANNED_LINE_CHARS.
 */
export function visibleIndicators(editor: VisibleText | vscode.TextEditor): { line: number; targets: Target[] }[] {
  const lines: { line: number; targets: Target[] }[] = [];
  const seen = new Set<number>();
  const document = editor.document;
  for (const range of editor.visibleRanges) {
    const last = Math.min(range.end.line, document.lineCount - 1);
    for (let line = range.start.line; line <= last && seen.size < MAX_VISIBLE_LINES; line++) {
      if (seen.has(line)) continue;
      seen.add(line);
      const text = document.lineAt(line).text;
      const scanned = text.length > MAX_SCANNED_LINE_CHARS ? text.slice(0, MAX_SCANNED_LINE_CHARS) : text;
      // A target cut by the cap is not trusted (its end may be missing).
      const targets = findTargets(scanned).filter(
        (target) => INDICATOR_KINDS.has(target.inputKind) && (scanned.length === text.length || target.end <= scanned.length - 8),
      );
      if (targets.length > 0) lines.push({ line, targets });
    }
  }
  return lines;
}

/** At most one verdict per visible line: the first answered indicator's newest answer, and how many others are answered. */
export function lineVerdicts(editor: VisibleText | vscode.TextEditor, held: HeldAnswers): InlineVerdict[] {
  const verdicts: InlineVerdict[] = [];
  for (const { line, targets } of visibleIndicators(editor)) {
    let first: InlineVerdict | undefined;
    const counted = new Set<string>();
    for (const target of targets) {
      if (counted.has(target.value)) continue;
      const answer = held.lookup(target.value)[0];
      if (!answer) continue;
      counted.add(target.value);
      if (first) first.more++;
      else first = { line, character: target.end, value: target.value, answer, more: 0 };
    }
    if (first) verdicts.push(first);
  }
  return verdicts;
}
