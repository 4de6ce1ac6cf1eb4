import type { PacingBook } from '../core/bulk/pacing';
import type { ToolCatalog } from '../core/catalog/catalog';
import type { ToolStateTracker } from '../core/catalog/toolState';
import type { NeverSendPolicy } from '../core/neverSend/neverSendCheck';
import type { HistoryStore } from '../core/history/historyStore';
import type { ToolRunner } from '../core/run/toolRunner';
import type { UsageMeter } from '../core/run/usageMeter';
import type { HeldAnswers } from '../core/verdicts/heldAnswers';
import type { ApiKeyStore } from './key/apiKeyStore';
import type { OutputLog } from './results/outputLog';
import type { ResultPanels } from './results/panelRegistry';
import type { ResultSink } from './results/resultSink';
import type { RunController } from './run/runController';

/** What command handlers need, built once in extension.ts. */
export interface Services {
  /** Running from source or under test (ExtensionMode is not Production): development-only commands work. */
  developmentMode: boolean;
  keys: ApiKeyStore;
  catalog: () => ToolCatalog;
  refreshCatalog: () => void;
  states: ToolStateTracker;
  runner: ToolRunner;
  runs: RunController;
  /** Where every finished run goes: log, history, panel or output. */
  results: ResultSink;
  history: HistoryStore;
  output: OutputLog;
  panels: ResultPanels;
  /** Cooldowns learned from 429s this session, so bulk runs space their calls. */
  pacing: PacingBook;
  /** Today's API calls, counted by the runner. */
  usage: UsageMeter;
  /** The never-send gate's policy (the runner checks it on every request; bulk plans list what it refuses). */
  neverSend: () => NeverSendPolicy;
  /** The verdicts of answers already held (inline, Problems panel, hover); bulk runs add theirs. */
  held: HeldAnswers;
}
