import * as vscode from 'vscode';
import { PacingBook } from './core/bulk/pacing';
import { buildCatalog, type ToolCatalog } from './core/catalog/catalog';
import { ToolStateTracker } from './core/catalog/toolState';
import { HistoryStore } from './core/history/historyStore';
import { ToolRunner } from './core/run/toolRunner';
import { UsageMeter } from './core/run/usageMeter';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { currentSettings, SECTION } from './vscode/config';
import { globalStorageCacheFile } from './vscode/globalStorageCacheFile';
import { trackCursorTarget } from './vscode/cursorContext';
import { IpHoverProvider } from './vscode/ipHoverProvider';
import { OutputLog } from './vscode/outputLog';
import { panelActions } from './vscode/panelActions';
import { createPublicApi, type NiamonxApi } from './vscode/publicApi';
import { registerCommands } from './vscode/registerCommands';
import { ResultPanels } from './vscode/results/resultPanels';
import { RunController } from './vscode/runController';
import { UsageStatusBar } from './vscode/statusBar';
import type { Services } from './vscode/services';
import { HistoryTreeProvider } from './vscode/tree/historyTreeProvider';
import { ToolTreeProvider } from './vscode/tree/toolTreeProvider';

const HISTORY_KEY = 'niamonx.history';

/** Wires the pieces together; no API call is made here (quota is money). */
export function activate(context: vscode.ExtensionContext): NiamonxApi {
  const keys = new ApiKeyStore(context.secrets);
  const output = new OutputLog();
  const states = new ToolStateTracker({ fallbackCooldownSeconds: () => currentSettings().cooldownFallbackSeconds });
  let catalog: ToolCatalog = buildCatalog(currentSettings().tools);
  const usage = new UsageMeter();
  const runner = new ToolRunner({
    catalog: () => catalog,
    settings: () => {
      const settings = currentSettings();
      return { baseUrl: settings.apiBaseUrl, timeoutMs: settings.requestTimeoutSeconds * 1000, cacheTtlSeconds: settings.cacheTtlSeconds, cacheMaxEntries: settings.cacheMaxEntries };
    },
    apiKey: () => keys.get(),
    states,
    cacheFile: globalStorageCacheFile(context.globalStorageUri),
    onCacheError: (message) => output.channel.warn(message),
    usage,
  });
  const history = new HistoryStore(
    { get: () => context.globalState.get(HISTORY_KEY), set: (records) => Promise.resolve(context.globalState.update(HISTORY_KEY, records)) },
    { maxEntries: () => currentSettings().historyMaxEntries, secrets: () => keys.knownSecrets() },
  );
  const runs = new RunController(runner, () => catalog, history, output);
  const toolTree = new ToolTreeProvider(() => catalog, states, () => keys.hasKey);
  const historyTree = new HistoryTreeProvider(history);
  const services: Services = {
    context,
    keys,
    catalog: () => catalog,
    refreshCatalog: () => {
      catalog = buildCatalog(currentSettings().tools);
      toolTree.refresh();
    },
    states,
    runner,
    runs,
    history,
    output,
    pacing: new PacingBook(),
    usage,
  };
  const panels = new ResultPanels(context.extensionUri, panelActions(services), { reusePanels: () => currentSettings().reusePanels });
  runs.setPresenter((record) => panels.show(record));

  const forgetLearnedState = () => {
    runner.clearCache();
    states.clear();
    services.pacing.clear();
    toolTree.refresh();
  };
  const statusBar = new UsageStatusBar(keys, usage);
  context.subscriptions.push(
    statusBar,
    runner,
    keys,
    output,
    toolTree,
    historyTree,
    panels,
    panels.registerSerializer(),
    ...registerCommands(services),
    vscode.window.createTreeView('niamonx.tools', { treeDataProvider: toolTree, showCollapseAll: true }),
    vscode.window.createTreeView('niamonx.history', { treeDataProvider: historyTree }),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'output' }, { scheme: 'vscode-remote' }], new IpHoverProvider()),
    trackCursorTarget(),
    keys.onDidChange(forgetLearnedState),
    states.onDidChange(() => toolTree.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.tools`)) services.refreshCatalog();
      if (event.affectsConfiguration(`${SECTION}.apiBaseUrl`)) forgetLearnedState();
    }),
  );
  void keys.updateContext().then(() => {
    toolTree.refresh();
    void statusBar.refreshKeyState();
  });
  return createPublicApi(services, { toolTree, historyTree, panels });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
