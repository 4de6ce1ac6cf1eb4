import * as vscode from 'vscode';
import { buildAgentTools, registerLanguageModelTools } from './vscode/agents/registerLanguageModelTools';
import { registerMcpServer } from './vscode/agents/registerMcpServer';
import { registerCommands } from './vscode/commands/registerCommands';
import { buildContainer, type Container } from './vscode/container';
import { trackCursorTarget } from './vscode/editor/cursorContext';
import { IpHoverProvider } from './vscode/editor/ipHoverProvider';
import { warnIfKeyGoesElsewhere } from './vscode/key/baseUrlWarning';
import { createPublicApi, type NiamonxApi } from './vscode/run/publicApi';
import { UsageStatusBar } from './vscode/run/statusBar';
import { cacheSettings, currentSettings, SECTION } from './vscode/settings/config';
import { setDevModeContext } from './vscode/settings/devMode';
import { IndicatorTerminalLinkProvider } from './vscode/terminal/terminalLinks';
import { FindingActionProvider, registerFindingCommands } from './vscode/verdicts/findingActions';
import { FindingDiagnostics } from './vscode/verdicts/findingDiagnostics';
import { InlineVerdicts } from './vscode/verdicts/inlineVerdicts';

/** Wires the pieces together; no API call is made here (quota is money). */
export function activate(context: vscode.ExtensionContext): NiamonxApi {
  // First, so that every later configuration listener reads fresh settings.
  context.subscriptions.push(cacheSettings());
  const container = buildContainer(context);
  const { services, toolTree, historyTree } = container;
  const { keys, held } = services;
  const toolLabel = (name: string) => services.catalog().find(name)?.label ?? name;
  const statusBar = new UsageStatusBar(keys, services.usage);
  const agentTools = buildAgentTools(services);
  const terminalLinks = new IndicatorTerminalLinkProvider();
  const inline = new InlineVerdicts(held, () => currentSettings().inlineEnabled, toolLabel);
  const findings = new FindingDiagnostics(held, toolLabel);
  context.subscriptions.push(
    statusBar,
    services.runner,
    keys,
    services.output,
    services.history,
    services.results,
    inline,
    findings,
    ...registerViews(container),
    ...registerCommands(services),
    ...registerLanguageModelTools(agentTools),
    ...registerMcpServer(services, context),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'output' }, { scheme: 'vscode-remote' }],
      new IpHoverProvider(held, toolLabel),
    ),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new FindingActionProvider(findings),
      { providedCodeActionKinds: FindingActionProvider.kinds },
    ),
    ...registerFindingCommands(services, held),
    trackCursorTarget(),
    vscode.window.registerTerminalLinkProvider(terminalLinks),
    ...followChanges(container),
  );
  void keys.updateContext().then(() => {
    toolTree.refresh();
    void statusBar.refreshKeyState();
  });
  void setDevModeContext(context);
  return createPublicApi(services, {
    toolTree,
    historyTree,
    panels: services.panels,
    context,
    history: services.history,
    historyFile: container.historyFile.path,
    globalState: context.globalState,
    pacing: services.pacing,
    settings: currentSettings,
    agentTools,
    terminalLinks,
    verdicts: { inline, findings, held },
  });
}

/** The two sidebar views and the results panels (restored after a reload), fed by the result sink. */
function registerViews({ services, toolTree, historyTree }: Container): vscode.Disposable[] {
  const { panels, results } = services;
  return [
    toolTree,
    historyTree,
    panels,
    panels.registerSerializer(),
    results.onResultToShow((record) => panels.show(record)),
    vscode.window.createTreeView('niamonx.tools', { treeDataProvider: toolTree, showCollapseAll: true }),
    vscode.window.createTreeView('niamonx.history', { treeDataProvider: historyTree }),
  ];
}

/** What a new key, a new API address, new tools or a trusted workspace change. */
function followChanges({ services, toolTree }: Container): vscode.Disposable[] {
  const { held, states } = services;
  const forgetLearnedState = () => {
    services.runner.clearCache();
    states.clear();
    services.pacing.clear();
    toolTree.refresh();
  };
  return [
    services.history.onDidChange(() => held.historyChanged()),
    services.keys.onDidChange(forgetLearnedState),
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
  ];
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
