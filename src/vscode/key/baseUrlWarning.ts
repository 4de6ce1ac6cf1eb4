import * as vscode from 'vscode';
import { DEFAULT_BASE_URL, isDefaultBaseUrl, isLoopbackHost } from '../../core/api/baseUrlRules';
import { currentSettings, openSettings } from '../settings/config';
import type { Services } from '../services';

/**
 * Warns (without blocking) when a key is set while niamonx.apiBaseUrl is not the official API:
 * the key goes with every run to whatever listens there. Running from source against the
 * local emulator is the one expected case and stays quiet. Returns whether it warned.
 */
export async function warnIfKeyGoesElsewhere(services: Services): Promise<boolean> {
  const baseUrl = currentSettings().apiBaseUrl;
  if (isDefaultBaseUrl(baseUrl)) return false;
  if (services.developmentMode && isLoopback(baseUrl)) return false;
  if (!(await services.keys.get().catch(() => undefined))) return false;
  const open = vscode.l10n.t('Open Setting');
  const reset = vscode.l10n.t('Use the Official API');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        'NiamonX: your API key is sent to {0}, not to the official NiamonX API ({1}). If you did not set this, reset niamonx.apiBaseUrl.',
        baseUrl,
        DEFAULT_BASE_URL,
      ),
      open,
      reset,
    )
    .then((choice) => {
      if (choice === open) void openSettings('niamonx.apiBaseUrl');
      if (choice === reset)
        void vscode.workspace.getConfiguration('niamonx').update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    });
  return true;
}

function isLoopback(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}
