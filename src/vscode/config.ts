import * as vscode from 'vscode';
import { readSettings, type Settings } from '../core/settings';

export const SECTION = 'niamonx';

/** The current settings, validated (see core/settings). */
export function currentSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings((name) => (name === 'apiBaseUrl' ? userLevelBaseUrl(config) : config.get(name)));
}

/**
 * The base URL decides where the key is sent, so only the user's own (application-level)
 * value counts: a cloned repository's .vscode/settings.json must not redirect the key.
 */
function userLevelBaseUrl(config: vscode.WorkspaceConfiguration): unknown {
  const inspected = config.inspect<string>('apiBaseUrl');
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function openSettings(query = `@ext:niamonx-community.niamonx-tools`): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', query);
}
