import * as vscode from 'vscode';
import { checkApiKey } from '../../core/api/keyRules';
import { warnIfKeyGoesElsewhere } from '../baseUrlWarning';
import type { Services } from '../services';

/** Stores the key in SecretStorage. No API call is made to check it: that would cost quota. */
export async function setApiKey(services: Services, provided?: unknown): Promise<boolean> {
  const key =
    typeof provided === 'string'
      ? provided
      : await vscode.window.showInputBox({
          title: 'NiamonX: Set API Key',
          prompt: 'Paste the API key from your NiamonX dashboard. It is kept in VS Code secret storage, never in settings.',
          placeHolder: 'NiamonX API key',
          password: true,
          ignoreFocusOut: true,
          validateInput: (text) => (text ? (checkApiKey(text).ok ? undefined : (checkApiKey(text) as { message: string }).message) : undefined),
        });
  if (key === undefined || !key.trim()) return false;
  const check = checkApiKey(key);
  if (!check.ok) {
    void vscode.window.showErrorMessage(`NiamonX: ${check.message}`);
    return false;
  }
  await services.keys.set(check.key);
  void vscode.window.showInformationMessage('NiamonX: API key saved in secret storage.');
  await warnIfKeyGoesElsewhere(services);
  return true;
}
