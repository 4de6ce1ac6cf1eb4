import * as vscode from 'vscode';
import { detectAt, detectInSelection } from '../../core/indicators/detectTarget';
import type { Target } from '../../core/indicators/target';

/** What the user means in the editor: the selection when there is one, else the target under the cursor. */
export function targetFromEditor(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): Target | undefined {
  if (!editor) return undefined;
  const selection = editor.selection;
  if (!selection.isEmpty) {
    const text = editor.document.getText(selection);
    return text.trim() ? detectInSelection(text) : undefined;
  }
  const line = editor.document.lineAt(selection.active.line).text;
  return detectAt(line, selection.active.character);
}
