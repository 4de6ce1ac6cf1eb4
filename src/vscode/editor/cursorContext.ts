import * as vscode from 'vscode';
import { ContextKey } from '../commands/commandIds';
import { ContextFlag } from '../commands/contextFlag';
import { targetFromEditor } from './targetFromEditor';

/**
 * Keeps `niamonx.cursorOnTarget` true while the cursor rests on an IP, email or domain,
 * so the editor context menu offers the NiamonX submenu there too. Runs on every selection
 * change of every editor, so it looks only at the cursor's neighbourhood: with text selected
 * the menu shows anyway (`editorHasSelection`), and the selection, which may be a whole 20 MB
 * log, is not read at all.
 */
export function trackCursorTarget(): vscode.Disposable {
  const onTarget = new ContextFlag(ContextKey.CursorOnTarget);
  const hasSelection = new ContextFlag(ContextKey.ActiveEditorHasSelection);
  const update = (editor: vscode.TextEditor | undefined) => {
    if (editor !== vscode.window.activeTextEditor) return;
    const selected = !!editor && !editor.selection.isEmpty;
    hasSelection.set(selected);
    if (selected) return;
    const target = editor ? targetFromEditor(editor) : undefined;
    onTarget.set(!!target && target.kind !== 'text');
  };
  update(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((event) => update(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
