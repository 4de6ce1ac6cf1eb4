import * as vscode from 'vscode';
import { checkApiKey, type KeyCheck } from '../../core/api/keyRules';
import { renderText } from '../../core/localText';
import { warnIfKeyGoesElsewhere } from './baseUrlWarning';
import type { Services } from '../services';

/**
 * Stores the key in SecretStorage. No API call is made to check it: that would cost quota.
 * A key passed as an argument is taken only from source or under test: installed normally, any
 * extension could otherwise swap the user's key for its own without a word, so the user types it.
 */
export async function setApiKey(services: Services, provided?: unknown): Promise<boolean> {
  const key =
    typeof provided === 'string' && services.developmentMode
      ? provided
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('NiamonX: Set API Key'),
          prompt: vscode.l10n.t('Paste the API key from your NiamonX dashboard. It is kept in VS Code secret storage, never in settings.'),
          placeHolder: vscode.l10n.t('NiamonX API key'),
          password: true,
          ignoreFocusOut: true,
          validateInput: (text) => (text ? refusalOf(checkApiKey(text)) : undefined),
        });
  if (key === undefined || !key.trim()) return false;
  const check = checkApiKey(key);
  if (!check.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('NiamonX: {0}', renderText(check.text, vscode.l10n.t)));
    return false;
  }
  await services.keys.set(check.key);
  void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: API key saved in secret storage.'));
  await warnIfKeyGoesElsewhere(services);
  return true;
}

/** Why a typed key is refused, in the user's language (undefined: it is fine). */
function refusalOf(check: KeyCheck): string | undefined {
  return check.ok ? undefined : renderText(check.text, vscode.l10n.t);
}
