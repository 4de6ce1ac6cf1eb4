import * as vscode from 'vscode';
import { readSettings, type Settings } from '../core/settings';

export const SECTION = 'niamonx';

let cached: Settings | undefined;
let caching = false;

/** The current settings, validated (see core/settings); read once per change while cacheSettings() is active. */
export function currentSettings(): Settings {
  if (!caching) return readCurrentSettings();
  return (cached ??= readCurrentSettings());
}

/**
 * Keeps the validated settings between changes: reading them (inspect + validation) costs more
 * than a run's own work. Register it before any other configuration listener.
 */
export function cacheSettings(): vscode.Disposable {
  caching = true;
  cached = undefined;
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) cached = undefined;
    }),
    // Trust decides whether workspace values of restricted settings count.
    vscode.workspace.onDidGrantWorkspaceTrust(() => (cached = undefined)),
  ];
  return new vscode.Disposable(() => {
    for (const subscription of subscriptions) subscription.dispose();
    caching = false;
    cached = undefined;
  });
}

function readCurrentSettings(): Settings {
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
