import type { PacingBook } from '../../core/bulk/pacing';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import type { ToolState } from '../../core/catalog/toolState';
import type { ToolRun } from '../../core/errors';
import type { HistoryStore } from '../../core/history/historyStore';
import type { Settings } from '../../core/settings';
import { redactText } from '../../core/record/redact';
import type * as vscode from 'vscode';
import type { AgentToolSet } from '../agents/registerLanguageModelTools';
import type { ResultPanels } from '../results/panelRegistry';
import type { Services } from '../services';
import type { IndicatorTerminalLinkProvider } from '../terminal/terminalLinks';
import type { InlineVerdicts } from '../verdicts/inlineVerdicts';
import type { FindingDiagnostics } from '../verdicts/findingDiagnostics';
import type { HeldAnswers } from '../../core/verdicts/heldAnswers';

/** A catalog tool as other extensions see it: its data (no body builder) and its learned state. */
export type ToolInfo = Pick<ToolDefinition, 'name' | 'label' | 'description' | 'category' | 'inputKind' | 'acceptedKinds' | 'source'> & {
  state: ToolState;
};

/** What `activate()` returns to other extensions (and tests). */
export interface NiamonxApi {
  /**
   * Runs a tool. A string input goes into the tool's primary field (`ip` for gl_ping);
   * an object is sent as the body. Never throws: failures come back as `{ ok: false, error }`.
   * The run spends the user's quota under their key, so it is kept in their Results history.
   */
  runTool(tool: string, input: string | object, options?: { signal?: AbortSignal; fresh?: boolean }): Promise<ToolRun>;
  /** The catalog (built-ins and valid niamonx.tools entries) with the state learned from real answers. */
  listTools(): ToolInfo[];
}

/**
 * Not part of the public contract: lets the extension-host tests look at the views. Attached only
 * when the extension runs from source or under test: installed normally, the exports are the two
 * functions above and nothing else, so no other extension reaches the key, the stored state or
 * unmasked answers through them.
 */
export interface NiamonxInternals {
  toolTree: vscode.TreeDataProvider<unknown>;
  historyTree: vscode.TreeDataProvider<unknown>;
  panels: ResultPanels;
  /** For the leak scan of the hardening tests: globalState, workspaceState, globalStorageUri. */
  context?: vscode.ExtensionContext;
  history: HistoryStore;
  /** Where the history file lives, and the globalState it is migrated from. */
  historyFile: string;
  globalState: vscode.Memento;
  /** The agents' tools as registered, to prepare and invoke them one step at a time. */
  agentTools: AgentToolSet;
  /** The settings as the extension reads them (user-only ones from user settings). */
  settings: () => Settings;
  /** The terminal link provider as registered, to ask it for a line's links and activate one. */
  terminalLinks?: IndicatorTerminalLinkProvider;
  /** The cooldowns bulk runs learned (the bulk soak keeps it empty: its random 429s are not a cooldown). */
  pacing?: PacingBook;
  /** Inline verdicts, finding diagnostics and the held answers behind them. */
  verdicts?: { inline: InlineVerdicts; findings: FindingDiagnostics; held: HeldAnswers };
}

/** The promise "never throws" holds even for a bug: the failure comes back as a result, key scrubbed. */
function unexpectedFailure(tool: unknown, error: unknown, secrets: string[]): ToolRun {
  const message = redactText(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`, secrets);
  return { ok: false, tool: String(tool), error: { kind: 'bad-response', message } };
}

export function createPublicApi(services: Services, internals: NiamonxInternals): NiamonxApi {
  const api: NiamonxApi = {
    runTool: (tool, input, options) =>
      services.runs
        .run({ tool, input, interactive: false, signal: options?.signal, fresh: options?.fresh })
        .catch((error: unknown) => unexpectedFailure(tool, error, services.keys.knownSecrets())),
    listTools: () =>
      services.catalog().tools.map((tool) => ({
        name: tool.name,
        label: tool.label,
        description: tool.description,
        category: tool.category,
        inputKind: tool.inputKind,
        acceptedKinds: [...tool.acceptedKinds],
        source: tool.source,
        state: services.states.stateOf(tool.name),
      })),
  };
  if (services.developmentMode) Object.defineProperty(api, '__internals', { value: internals, enumerable: false });
  return Object.freeze(api);
}
