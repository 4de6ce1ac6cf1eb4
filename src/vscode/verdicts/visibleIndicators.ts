import type * as vscode from 'vscode';
import { findTargets } from '../../core/target/detectTarget';
import type { Target } from '../../core/target/target';

/** Lines looked at per editor and update at most (a tall window shows about 100). */
export const MAX_VISIBLE_LINES = 400;
/** Characters of one line scanned at most: a minified line costs no more than this. */
export const MAX_SCANNED_LINE_CHARS = 2000;

/** Kinds of indicator a verdict can be about (plain text never is). */
const INDICATOR_KINDS = new Set(['ip', 'domain', 'email']);

/**
 * The indicators in the visible ranges of an editor, line by line, found by the same scanner
 * as runs (defanged forms included). Bounded: MAX_VISIBLE_LINES lines of MAX_SCANNED_LINE_CHARS.
 */
export function visibleIndicators(editor: vscode.TextEditor): { line: number; targets: Target[] }[] {
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
