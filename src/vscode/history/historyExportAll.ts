import * as vscode from 'vscode';
import { exportChoiceOf } from '../commands/commandArguments';
import { exportToFile } from './saveExport';
import type { Services } from '../services';

/** Export the whole history; the optional argument `{ format, target }` skips the pickers. */
export async function historyExportAll(services: Services, choice?: unknown): Promise<vscode.Uri | undefined> {
  const records = services.history.list();
  if (!records.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: the history is empty; nothing to export.'));
    return undefined;
  }
  const day = new Date().toISOString().slice(0, 10);
  return exportToFile(records, `niamonx-history-${day}`, {
    ...exportChoiceOf(choice, services.developmentMode),
    secrets: services.keys.knownSecrets(),
  });
}
