import * as vscode from 'vscode';
import { MERGED_SETTINGS, readSettings, USER_ONLY_SETTINGS, type Settings } from '../../core/settings';

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
    if (USER_ONLY_SETTINGS.includes(name)) return userLevelValue(config, name);
    if (MERGED_SETTINGS.includes(name)) return unionOfLevels(config, name);
    // Workspace tools are a team's shared definitions, but only once the user trusts the folder.
    if (name === 'tools' && !vscode.workspace.isTrusted) return userLevelValue(config, name);
    return config.get(name);
  });
}

/**
 * The user's own value (user settings), else the default: workspace and folder values are
 * ignored. VS Code ignores them too in Restricted Mode for the settings the manifest lists in
 * `restrictedConfigurations`; reading them so here keeps that true in trusted folders as well.
 */
function userLevelValue(config: vscode.WorkspaceConfiguration, name: string): unknown {
  const inspected = config.inspect(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/**
 * Every level's entries together (user, workspace, folder): config.get() would let the
 * workspace value replace the user's list, and so remove the user's entries. Trust does not
 * matter here: an untrusted folder may only add restrictions too.
 */
function unionOfLevels(config: vscode.WorkspaceConfiguration, name: string): unknown[] {
  const inspected = config.inspect(name);
  const levels = [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue];
  const merged: unknown[] = [];
  for (const level of levels) if (Array.isArray(level)) merged.push(...(level as unknown[]));
  return merged;
}

export function openSettings(query = `@ext:niamonx-community.niamonx-tools`): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', query);
}
