import * as path from 'node:path';
import * as vscode from 'vscode';
import { extractUniqueTargetsInChunks, TooManyTargetsError } from '../../core/bulk/extractUnique';
import { indicatorReport } from '../../core/transform/indicatorReport';
import { percentReporter, withCancellableProgress } from '../run/cancellation';
import type { Services } from '../services';

/**
 * "Extract Indicators": the IPs, domains and emails of the selection (or the whole document)
 * in a new untitled document, by kind, each once with its count, most frequent first, public
 * and non-public apart. The bulk runs' scanner, in slices (no stall on a large log); no call.
 */
export async function extractIndicators(services: Services): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: open a document first.'));
    return undefined;
  }
  const selection = editor.selections.find((candidate) => !candidate.isEmpty);
  const text = editor.document.getText(selection);
  const name = path.basename(editor.document.uri.path);
  const source = selection ? vscode.l10n.t('the selection of {0}', name) : name;
  const found = await withCancellableProgress(vscode.l10n.t('NiamonX: extracting indicators'), async (controller, progress) => {
    const report = percentReporter(progress);
    try {
      return await extractUniqueTargetsInChunks(text, undefined, { signal: controller.signal, onProgress: report });
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      if (!(error instanceof TooManyTargetsError)) throw error;
      void vscode.window.showWarningMessage(vscode.l10n.t('NiamonX: too many different indicators; select a part of the text.'));
      return undefined;
    }
  });
  if (!found) return undefined;
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: indicatorReport(found, source, services.neverSend(), vscode.l10n.t),
  });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
