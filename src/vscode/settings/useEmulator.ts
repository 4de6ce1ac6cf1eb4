import * as vscode from 'vscode';
import type { Services } from '../services';

export const EMULATOR_URL = 'http://127.0.0.1:8787/api/v2';

/**
 * Points the extension at the local NiamonX emulator, saying how to start it. Development
 * only: the emulator ships with the source, not with the .vsix.
 */
export async function useEmulator(services: Services): Promise<void> {
  if (!services.developmentMode) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('NiamonX: the emulator is only available when the extension runs from its source folder.'),
    );
    return;
  }
  await vscode.workspace.getConfiguration('niamonx').update('apiBaseUrl', EMULATOR_URL, vscode.ConfigurationTarget.Global);
  // Not awaited: a command must not wait for the user to dismiss a notification.
  const setKey = vscode.l10n.t('Set API Key');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        'NiamonX now talks to the local emulator at {0}. Start it from the project folder with "npm run emulator" (demo key: {1}), then set that key. To go back, reset the setting niamonx.apiBaseUrl.',
        EMULATOR_URL,
        'nx-demo-key-0000',
      ),
      setKey,
    )
    .then((choice) => {
      if (choice === setKey) void vscode.commands.executeCommand('niamonx.setApiKey');
    });
}
