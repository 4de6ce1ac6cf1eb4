import * as vscode from 'vscode';
import type { Services } from '../services';

/** Clears the history after a modal confirmation (it cannot be undone). */
export async function historyClear(services: Services): Promise<boolean> {
  const count = services.history.list().length;
  if (!count) return false;
  const clear = vscode.l10n.t('Clear History');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Clear all {0} NiamonX results from the history?', count),
    { modal: true, detail: vscode.l10n.t('This cannot be undone. Exported files are not affected.') },
    clear,
  );
  if (answer !== clear) return false;
  await services.history.clear();
  return true;
}
