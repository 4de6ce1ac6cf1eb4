import * as vscode from 'vscode';
import type { Services } from '../services';

/** Clear Cache: every saved answer goes (memory and disk); the next run of anything asks the API. */
export async function clearCache(services: Services): Promise<void> {
  services.runner.clearCache();
  services.held.clear();
  await services.runner.flushCache();
  void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: the answer cache is empty.'));
}
