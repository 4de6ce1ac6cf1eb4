import * as vscode from 'vscode';
import type { AgentToolName } from '../../core/agent/agentInputs';
import type { Services } from '../services';
import { agentTools } from './agentTools';
import { bulkRunMany } from './bulkRunMany';

export type AgentToolSet = Record<AgentToolName, vscode.LanguageModelTool<unknown>>;

/** The five agent tools on the shared services: every run goes through the same runner as the commands. */
export function buildAgentTools(services: Services): AgentToolSet {
  const runOne = (tool: string, input: string, signal: AbortSignal) =>
    services.runs.run({ tool, input, interactive: false, signal, origin: 'agent' });
  return agentTools({
    catalog: services.catalog,
    states: services.states,
    runOne,
    runMany: bulkRunMany(services),
    secrets: () => services.keys.knownSecrets(),
    neverSend: services.neverSend,
  });
}

/** Offers the tools to VS Code's AI agents. Registration only: nothing runs until an agent invokes a tool. */
export function registerLanguageModelTools(tools: AgentToolSet): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}
