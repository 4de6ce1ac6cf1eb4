import * as vscode from 'vscode';
import { PacingBook } from './core/bulk/pacing';
import { buildCatalog, type ToolCatalog } from './core/catalog/catalog';
import { ToolStateTracker } from './core/catalog/toolState';
import { HistoryFileStore } from './core/history/historyFileStore';
import { historyLimits, HistoryStore } from './core/history/historyStore';
import { ToolRunner } from './core/run/toolRunner';
import { UsageMeter } from './core/run/usageMeter';
import { ApiKeyStore } from './vscode/key/apiKeyStore';
import { warnIfKeyGoesElsewhere } from './vscode/key/baseUrlWarning';
import { cacheSettings, currentSettings, SECTION } from './vscode/settings/config';
import { isDevelopmentMode, setDevModeContext } from './vscode/settings/devMode';
import { globalStorageCacheFile } from './vscode/storage/globalStorageCacheFile';
import { globalStateUsageStore } from './vscode/storage/globalStateUsageStore';
import { trackCursorTarget } from './vscode/editor/cursorContext';
import { IpHoverProvider } from './vscode/editor/ipHoverProvider';
import { buildAgentTools, registerLanguageModelTools } from './vscode/agents/registerLanguageModelTools';
import { registerMcpServer } from './vscode/agents/registerMcpServer';
import { neverSendPolicy } from './vscode/neverSend/neverSendPolicy';
import { OutputLog } from './vscode/results/outputLog';
import { IndicatorTerminalLinkProvider } from './vscode/terminal/terminalLinks';
import { panelActions } from './vscode/results/panelActions';
import { createPublicApi, type NiamonxApi } from './vscode/run/publicApi';
import { registerCommands } from './vscode/commands/registerCommands';
import { ResultPanels } from './vscode/results/panelRegistry';
import { runRecordAgain } from './vscode/run/runAgain';
import { RunController } from './vscode/run/runController';
import { UsageStatusBar } from './vscode/run/statusBar';
import type { Services } from './vscode/services';
import { HistoryTreeProvider } from './vscode/history/historyTreeProvider';
import { ToolTreeProvider } from './vscode/toolsTree/toolTreeProvider';
import { HeldAnswers } from './core/verdicts/heldAnswers';
import { FindingActionProvider, registerFindingCommands } from './vscode/verdicts/findingActions';
import { FindingDiagnostics } from './vscode/verdicts/findingDiagnostics';
import { InlineVerdicts } from './vscode/verdicts/inlineVerdicts';

/** Where versions up to 0.1.0 kept the history; moved to a file in global storage on first use. */
const LEGACY_HISTORY_KEY = 'niamonx.history';

/** Wires the pieces together; no API call is made here (quota is money). */
export function activate(context: vscode.ExtensionContext): NiamonxApi {
  // First, so that every later configuration listener reads fresh settings.
  context.subscriptions.push(cacheSettings());
  const keys = new ApiKeyStore(context.secrets);
  const output = new OutputLog();
  const states = new ToolStateTracker({ fallbackCooldownSeconds: () => currentSettings().cooldownFallbackSeconds });
  // Built on first use (validating niamonx.tools), not at activation.
  let built: ToolCatalog | undefined;
  const catalog = (): ToolCatalog => (built ??= buildCatalog(currentSettings().tools, vscode.l10n.t));
  const usage = new UsageMeter(
    Date.now,
    globalStateUsageStore(context.globalState, (message) => output.channel.warn(message)),
  );
  const neverSend = neverSendPolicy(currentSettings, isDevelopmentMode(context), (message) => output.channel.warn(message));
  const runner = new ToolRunner({
    catalog,
    neverSend,
    settings: () => {
      const settings = currentSettings();
      return {
        baseUrl: settings.apiBaseUrl,
        timeoutMs: settings.requestTimeoutSeconds * 1000,
        cacheTtlSeconds: settings.cacheTtlSeconds,
        cacheMaxEntries: settings.cacheMaxEntries,
      };
    },
    apiKey: () => keys.get(),
    states,
    cacheFile: globalStorageCacheFile(context.globalStorageUri),
    onCacheError: (message) => output.channel.warn(message),
    usage,
  });
  const maxEntries = () => currentSettings().historyMaxEntries;
  const historyFile = new HistoryFileStore(context.globalStorageUri.fsPath, historyLimits(maxEntries), {
    onError: (error) => output.channel.warn(`The history could not be saved: ${error instanceof Error ? error.message : String(error)}`),
  });
  const history = new HistoryStore(historyFile, {
    maxEntries,
    secrets: () => keys.knownSecrets(),
    legacy: {
      read: () => context.globalState.get(LEGACY_HISTORY_KEY),
      remove: () => context.globalState.update(LEGACY_HISTORY_KEY, undefined),
    },
  });
  const runs = new RunController(runner, catalog, history, output);
  const held = new HeldAnswers(
    // Never reads the history file itself: start-up stays free of it (see HistoryStore.inMemory).
    () => history.inMemory(),
    (name) => catalog().find(name),
    (message, ...args) => vscode.l10n.t(message, ...args),
  );
  const toolLabel = (name: string) => catalog().find(name)?.label ?? name;
  const toolTree = new ToolTreeProvider(catalog, states, () => keys.hasKey);
  const historyTree = new HistoryTreeProvider(history);
  const panels = new ResultPanels(
    context.extensionUri,
    panelActions({ runs, keys, runAgain: (record) => runRecordAgain(services, record) }),
    { reusePanels: () => currentSettings().reusePanels },
  );
  const services: Services = {
    developmentMode: isDevelopmentMode(context),
    keys,
    catalog,
    refreshCatalog: () => {
      built = undefined;
      toolTree.refresh();
    },
    states,
    runner,
    runs,
    history,
    output,
    panels,
    pacing: new PacingBook(),
    usage,
    neverSend,
    held,
  };

  const forgetLearnedState = () => {
    runner.clearCache();
    states.clear();
    services.pacing.clear();
    toolTree.refresh();
  };
  const statusBar = new UsageStatusBar(keys, usage);
  const agentToolSet = buildAgentTools(services);
  const terminalLinks = new IndicatorTerminalLinkProvider();
  const inline = new InlineVerdicts(held, () => currentSettings().inlineEnabled, toolLabel);
  const findings = new FindingDiagnostics(held, toolLabel);
  context.subscriptions.push(
    statusBar,
    runner,
    keys,
    output,
    history,
    toolTree,
    historyTree,
    panels,
    panels.registerSerializer(),
    runs.onResultToShow((record) => panels.show(record)),
    ...registerCommands(services),
    ...registerLanguageModelTools(agentToolSet),
    ...registerMcpServer(services, context),
    vscode.window.createTreeView('niamonx.tools', { treeDataProvider: toolTree, showCollapseAll: true }),
    vscode.window.createTreeView('niamonx.history', { treeDataProvider: historyTree }),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'output' }, { scheme: 'vscode-remote' }],
      new IpHoverProvider(held, toolLabel),
    ),
    inline,
    findings,
    history.onDidChange(() => held.historyChanged()),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new FindingActionProvider(findings),
      { providedCodeActionKinds: FindingActionProvider.kinds },
    ),
    ...registerFindingCommands(services, held),
    trackCursorTarget(),
    vscode.window.registerTerminalLinkProvider(terminalLinks),
    keys.onDidChange(forgetLearnedState),
    states.onDidChange(() => toolTree.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => services.refreshCatalog()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.tools`)) {
        services.refreshCatalog();
        held.historyChanged(); // findings are worked out with the tools' rules
      }
      if (event.affectsConfiguration(`${SECTION}.apiBaseUrl`)) {
        forgetLearnedState();
        void warnIfKeyGoesElsewhere(services);
      }
    }),
  );
  void keys.updateContext().then(() => {
    toolTree.refresh();
    void statusBar.refreshKeyState();
  });
  void setDevModeContext(context);
  return createPublicApi(services, {
    toolTree,
    historyTree,
    panels,
    context,
    history,
    historyFile: historyFile.path,
    globalState: context.globalState,
    pacing: services.pacing,
    settings: currentSettings,
    agentTools: agentToolSet,
    terminalLinks,
    verdicts: { inline, findings, held },
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
