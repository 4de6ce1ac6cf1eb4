import type { ToolDefinition } from '../core/catalog/toolDefinition';
import type { ToolState } from '../core/catalog/toolState';
import type { ToolRun } from '../core/errors';
import type { HistoryStore } from '../core/history/historyStore';
import { redactText } from '../core/record/redact';
import type * as vscode from 'vscode';
import type { ResultPanels } from './resultPanel/resultPanels';
import type { Services } from './services';

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

/** Not part of the public contract: lets the extension-host tests look at the views. */
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
  Object.defineProperty(api, '__internals', { value: internals, enumerable: false });
  return api;
}
