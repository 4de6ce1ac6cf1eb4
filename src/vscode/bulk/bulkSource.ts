import * as path from 'node:path';
import * as vscode from 'vscode';
import { linePieces, type TextPiece } from '../../core/bulk/linePieces';
import { isRefusal, MAX_WHOLE_READ_BYTES, openRegularFile, wholeReadRefusal, type SourceRefusal } from '../../core/bulk/regularFile';

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
    const label = path.basename(uri.path);
    if (uri.scheme === 'file') {
      const opened = await openRegularFile(uri.fsPath);
      if (isRefusal(opened)) return refusalMessage(label, opened);
      await opened.handle.close();
      return { kind: 'file', pieces: () => linePieces(localChunks(uri.fsPath), opened.size), label };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    const refusal = wholeReadRefusal({
      isFile: (stat.type & vscode.FileType.File) !== 0,
      isFolder: (stat.type & vscode.FileType.Directory) !== 0,
      size: stat.size,
    });
    if (refusal === 'too-large') return tooLargeMessage(label, stat.size);
    if (refusal) return refusalMessage(label, refusal);
    return { kind: 'file', pieces: () => linePieces(wholeFile(uri, label), stat.size), label };
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

/** A local file streamed from disk, opened again (and checked again: it may have been replaced) when the scan starts. */
async function* localChunks(fsPath: string): AsyncGenerator<Uint8Array> {
  const opened = await openRegularFile(fsPath);
  if (isRefusal(opened)) throw new Error(refusalMessage(path.basename(fsPath), opened));
  try {
    // Breaking out of the loop (a cancelled scan) destroys the stream; the handle is closed below.
    for await (const chunk of opened.handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) yield chunk as Buffer;
  } finally {
    await opened.handle.close();
  }
}

/** Any other file system's file, read whole through VS Code (its size was checked first). */
async function* wholeFile(uri: vscode.Uri, label: string): AsyncGenerator<Uint8Array> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.byteLength > MAX_WHOLE_READ_BYTES) throw new Error(tooLargeMessage(label, bytes.byteLength));
  yield bytes;
}

function refusalMessage(label: string, refusal: SourceRefusal): string {
  if (refusal.kind === 'missing') {
    return refusal.linkTarget === undefined
      ? vscode.l10n.t('{0} does not exist.', label)
      : vscode.l10n.t('{0} is a link to {1}, which does not exist.', label, refusal.linkTarget);
  }
  const what = kindText(refusal.kind);
  return refusal.linkTarget === undefined
    ? vscode.l10n.t('{0} is {1}, not a file: nothing was read.', label, what)
    : vscode.l10n.t('{0} is a link to {1}, which is {2}, not a file: nothing was read.', label, refusal.linkTarget, what);
}

function kindText(kind: Exclude<SourceRefusal['kind'], 'missing'>): string {
  switch (kind) {
    case 'folder':
      return vscode.l10n.t('a folder');
    case 'device':
      return vscode.l10n.t('a device');
    case 'fifo':
      return vscode.l10n.t('a named pipe (FIFO)');
    case 'socket':
      return vscode.l10n.t('a socket');
    default:
      return vscode.l10n.t('something other than a regular file');
  }
}

function tooLargeMessage(label: string, bytes: number): string {
  const mb = (value: number) => Math.ceil(value / (1024 * 1024)).toLocaleString(vscode.env.language);
  return vscode.l10n.t(
    '{0} is {1} MB. Files that are not on this computer are read whole, so at most {2} MB: copy it to this computer, or open it and select a part.',
    label,
    mb(bytes),
    mb(MAX_WHOLE_READ_BYTES),
  );
}
