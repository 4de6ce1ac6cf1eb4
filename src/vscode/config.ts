import * as vscode from 'vscode';
import { readSettings, type Settings } from '../core/settings';

export const SECTION = 'niamonx';

/** The current settings, validated (see core/settings). */
export function currentSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings((name) => {
    if (name === 'apiBaseUrl') return userLevelBaseUrl(config);
    if (name === 'tools' && !vscode.workspace.isTrusted) return userLevelValue(config, name);
    return config.get(name);
  });
}

/**
 * In Restricted Mode VS Code already ignores workspace values of the settings the manifest lists
 * in `restrictedConfigurations`; reading the user's own value here as well keeps that true for
 * every caller (commands run through executeCommand included), whatever the host does.
 */
function userLevelValue(config: vscode.WorkspaceConfiguration, name: string): unknown {
  const inspected = config.inspect(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
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
