import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { linePieces, type TextPiece } from '../../core/bulk/linePieces';

export type SourceScope = 'selection' | 'document' | 'file';

/** What a bulk command works on: a text (selection, document) or a file read in pieces. */
export type BulkSource =
  { kind: 'text'; text: string; label: string } | { kind: 'file'; pieces: () => AsyncIterable<TextPiece>; label: string };

/** A file is read in chunks of this size: never all of it at once in the extension host. */
const CHUNK_BYTES = 1024 * 1024;

/** The text a bulk command works on; a message (string) when there is none. */
export async function readBulkSource(scope: SourceScope, uri: vscode.Uri | undefined): Promise<BulkSource | string> {
  if (uri) {
    // Read without opening an editor, in pieces: a 500 MB log need not become a text model,
    // nor one string (nor could it: V8's strings end near 512 MB).
    const stat = await vscode.workspace.fs.stat(uri);
    const label = path.basename(uri.path);
    if (stat.type & vscode.FileType.Directory) return vscode.l10n.t('{0} is a folder: pick a file.', label);
    return { kind: 'file', pieces: () => linePieces(fileChunks(uri), stat.size), label };
  }
  if (scope === 'file') return vscode.l10n.t('Pick a file in the Explorer first.');
  const editor = vscode.window.activeTextEditor;
  if (!editor) return vscode.l10n.t('Open a document first.');
  const name = path.basename(editor.document.uri.path);
  if (scope === 'document') return { kind: 'text', text: editor.document.getText(), label: name };
  const selected = editor.selections.filter((selection) => !selection.isEmpty);
  if (selected.length === 0) return vscode.l10n.t('Select the text to check first.');
  return {
    kind: 'text',
    text: selected.map((selection) => editor.document.getText(selection)).join('\n'),
    label: vscode.l10n.t('selection in {0}', name),
  };
}

/** A local file streamed from disk; any other file system's file read whole through VS Code. */
async function* fileChunks(uri: vscode.Uri): AsyncGenerator<Uint8Array> {
  if (uri.scheme === 'file') {
    // Breaking out of the loop (a cancelled scan) destroys the stream and closes the file.
    for await (const chunk of createReadStream(uri.fsPath, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
    return;
  }
  yield await vscode.workspace.fs.readFile(uri);
}
