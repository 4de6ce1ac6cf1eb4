import type { ToolCatalog } from '../core/catalog/catalog';
import type { ToolStateTracker } from '../core/catalog/toolState';
import type { HistoryStore } from '../core/history/historyStore';
import type { ApiKeyStore } from './apiKeyStore';
import type { OutputLog } from './outputLog';
import type { ResultPanels } from './resultPanel/resultPanels';
import type { RunController } from './runController';

/** What command handlers need, built once in extension.ts. */
export interface Services {
  /** Running from source or under test (ExtensionMode is not Production): development-only commands work. */
  developmentMode: boolean;
  keys: ApiKeyStore;
  catalog: () => ToolCatalog;
  refreshCatalog: () => void;
  states: ToolStateTracker;
  runs: RunController;
  history: HistoryStore;
  output: OutputLog;
  panels: ResultPanels;
}
