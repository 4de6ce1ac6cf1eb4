import * as path from 'node:path';
import * as vscode from 'vscode';

export type SourceScope = 'selection' | 'document' | 'file';

export interface BulkSource {
  text: string;
  /** For the summary and history, e.g. "selection in access.log". */
  label: string;
}

/** The text a bulk command works on; a message (string) when there is none. */
export async function readBulkSource(scope: SourceScope, uri: vscode.Uri | undefined): Promise<BulkSource | string> {
  if (uri) {
    // Read without opening an editor: a 20 MB log need not become a text model.
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { text: new TextDecoder('utf-8').decode(bytes), label: path.basename(uri.path) };
  }
  if (scope === 'file') return vscode.l10n.t('Pick a file in the Explorer first.');
  const editor = vscode.window.activeTextEditor;
  if (!editor) return vscode.l10n.t('Open a document first.');
  const name = path.basename(editor.document.uri.path);
  if (scope === 'document') return { text: editor.document.getText(), label: name };
  const selected = editor.selections.filter((selection) => !selection.isEmpty);
  if (selected.length === 0) return vscode.l10n.t('Select the text to check first.');
  return {
    text: selected.map((selection) => editor.document.getText(selection)).join('\n'),
    label: vscode.l10n.t('selection in {0}', name),
  };
}
