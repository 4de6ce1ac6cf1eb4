import * as vscode from 'vscode';
import type { Services } from '../services';
import { agentTools } from './agentTools';
import { bulkRunMany } from './bulkRunMany';

/**
 * Offers the NiamonX tools to VS Code's AI agents. Registration only: nothing runs until an
 * agent invokes a tool, and every run goes through the same runner as the commands.
 */
export function registerLanguageModelTools(services: Services): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const runOne = (tool: string, input: string, signal: AbortSignal) =>
    services.runs.run({ tool, input, interactive: false, signal, origin: 'agent' });
  const tools = agentTools({
    catalog: services.catalog,
    states: services.states,
    runOne,
    runMany: bulkRunMany(services),
    secrets: () => services.keys.knownSecrets(),
  });
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}
