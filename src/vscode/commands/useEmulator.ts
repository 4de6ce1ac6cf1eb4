import * as vscode from 'vscode';

export const EMULATOR_URL = 'http://127.0.0.1:8787/api/v2';

/** Points the extension at the local NiamonX emulator, saying how to start it. */
export async function useEmulator(): Promise<void> {
  await vscode.workspace.getConfiguration('niamonx').update('apiBaseUrl', EMULATOR_URL, vscode.ConfigurationTarget.Global);
  // Not awaited: a command must not wait for the user to dismiss a notification.
  const setKey = vscode.l10n.t('Set API Key');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('NiamonX now talks to the local emulator at {0}. Start it from the project folder with "npm run emulator" (demo key: {1}), then set that key. To go back, reset the setting niamonx.apiBaseUrl.', EMULATOR_URL, 'nx-demo-key-0000'),
    setKey,
  ).then((choice) => {
    if (choice === setKey) void vscode.commands.executeCommand('niamonx.setApiKey');
  });
}
