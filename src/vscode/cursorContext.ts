import * as vscode from 'vscode';
import { ContextKey } from './commandIds';
import { targetFromEditor } from './targetFromEditor';

/**
 * Keeps `niamonx.cursorOnTarget` true while the cursor rests on an IP, email or domain,
 * so the editor context menu offers the NiamonX submenu there too.
 */
export function trackCursorTarget(): vscode.Disposable {
  let last: boolean | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    const target = editor ? targetFromEditor(editor) : undefined;
    const onTarget = !!target && target.kind !== 'text';
    if (onTarget === last) return;
    last = onTarget;
    void vscode.commands.executeCommand('setContext', ContextKey.CursorOnTarget, onTarget);
  };
  update(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((event) => update(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
