import * as vscode from 'vscode';
import { PacingBook } from '../core/bulk/pacing';
import { buildCatalog, type ToolCatalog } from '../core/catalog/catalog';
import { ToolStateTracker } from '../core/catalog/toolState';
import { realClock } from '../core/clock';
import { HistoryFileStore } from '../core/history/historyFileStore';
import { historyLimits, HistoryStore } from '../core/history/historyStore';
import { ToolRunner } from '../core/run/toolRunner';
import { UsageMeter } from '../core/run/usageMeter';
import { HeldAnswers } from '../core/verdicts/heldAnswers';
import { HistoryTreeProvider } from './history/historyTreeProvider';
import { ApiKeyStore } from './key/apiKeyStore';
import { neverSendPolicy } from './neverSend/neverSendPolicy';
import { OutputLog } from './results/outputLog';
import { panelActions } from './results/panelActions';
import { ResultPanels } from './results/panelRegistry';
import { ResultSink } from './results/resultSink';
import { runRecordAgain } from './run/runAgain';
import { RunController } from './run/runController';
import type { Services } from './services';
import { currentSettings } from './settings/config';
import { isDevelopmentMode } from './settings/devMode';
import { globalStateUsageStore } from './storage/globalStateUsageStore';
import { globalStorageCacheFile } from './storage/globalStorageCacheFile';
import { ToolTreeProvider } from './toolsTree/toolTreeProvider';

/** Where versions up to 0.1.0 kept the history; moved to a file in global storage on first use. */
const LEGACY_HISTORY_KEY = 'niamonx.history';

/** The services and the two views' providers, built once; nothing here calls the API or reads a file. */
export interface Container {
  services: Services;
  toolTree: ToolTreeProvider;
  historyTree: HistoryTreeProvider;
  historyFile: HistoryFileStore;
}

export function buildContainer(context: vscode.ExtensionContext): Container {
  const keys = new ApiKeyStore(context.secrets);
  const output = new OutputLog();
  const warn = (message: string) => output.channel.warn(message);
  const states = new ToolStateTracker({ fallbackCooldownSeconds: () => currentSettings().cooldownFallbackSeconds });
  // Built on first use (validating niamonx.tools), not at activation.
  let built: ToolCatalog | undefined;
  const catalog = (): ToolCatalog => (built ??= buildCatalog(currentSettings().tools, vscode.l10n.t));
  const usage = new UsageMeter(realClock, globalStateUsageStore(context.globalState, warn));
  const neverSend = neverSendPolicy(currentSettings, isDevelopmentMode(context), warn);
  const runner = new ToolRunner({
    catalog,
    neverSend,
    settings: runnerSettings,
    apiKey: () => keys.get(),
    states,
    cacheFile: globalStorageCacheFile(context.globalStorageUri),
    onCacheError: warn,
    usage,
  });
  const { history, historyFile } = buildHistory(context, keys, warn);
  const results = new ResultSink(output, history);
  const toolTree = new ToolTreeProvider(catalog, states, () => keys.hasKey);
  const panels = new ResultPanels(
    context.extensionUri,
    panelActions({ results, keys, runAgain: (record) => runRecordAgain(services, record) }),
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
    runs: new RunController(runner, catalog, results),
    results,
    history,
    output,
    panels,
    pacing: new PacingBook(),
    usage,
    neverSend,
    // Never reads the history file itself: start-up stays free of it (see HistoryStore.inMemory).
    held: new HeldAnswers(
      () => history.inMemory(),
      (name) => catalog().find(name),
      (message, ...args) => vscode.l10n.t(message, ...args),
    ),
  };
  return { services, toolTree, historyTree: new HistoryTreeProvider(history), historyFile };
}

function runnerSettings() {
  const settings = currentSettings();
  return {
    baseUrl: settings.apiBaseUrl,
    timeoutMs: settings.requestTimeoutSeconds * 1000,
    cacheTtlSeconds: settings.cacheTtlSeconds,
    cacheMaxEntries: settings.cacheMaxEntries,
  };
}

function buildHistory(context: vscode.ExtensionContext, keys: ApiKeyStore, warn: (message: string) => void) {
  const maxEntries = () => currentSettings().historyMaxEntries;
  const historyFile = new HistoryFileStore(context.globalStorageUri.fsPath, historyLimits(maxEntries), {
    onError: (error) => warn(`The history could not be saved: ${error instanceof Error ? error.message : String(error)}`),
  });
  const history = new HistoryStore(historyFile, {
    maxEntries,
    secrets: () => keys.knownSecrets(),
    legacy: {
      read: () => context.globalState.get(LEGACY_HISTORY_KEY),
      remove: () => context.globalState.update(LEGACY_HISTORY_KEY, undefined),
    },
  });
  return { history, historyFile };
}
