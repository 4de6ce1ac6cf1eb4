import * as vscode from 'vscode';
import type { Services } from '../services';

export async function clearApiKey(services: Services): Promise<void> {
  await services.keys.clear();
  const stillFromEnv = (await services.keys.source()) === 'environment';
  void vscode.window.showInformationMessage(
    stillFromEnv
      ? vscode.l10n.t('NiamonX: API key removed from secret storage. The NIAMONX_API_KEY environment variable is still used.')
      : vscode.l10n.t('NiamonX: API key removed from secret storage.'),
  );
}
