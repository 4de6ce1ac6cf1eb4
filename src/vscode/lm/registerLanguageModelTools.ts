import * as vscode from 'vscode';
import { runManyWith } from '../../core/agent/runMany';
import type { Services } from '../services';
import { agentTools } from './agentTools';

/** Parallel gl_ping calls of niamonx_ping_many until the bulk scheduler takes over. */
const PING_MANY_CONCURRENCY = 2;

/**
 * Offers the NiamonX tools to VS Code's AI agents. Registration only: nothing runs until an
 * agent invokes a tool, and every run goes through the same runner as the commands.
 */
export function registerLanguageModelTools(services: Services): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const runOne = (tool: string, input: string, signal: AbortSignal) => services.runs.run({ tool, input, interactive: false, signal, origin: 'agent' });
  const tools = agentTools({
    catalog: services.catalog,
    states: services.states,
    runOne,
    runMany: runManyWith(runOne, PING_MANY_CONCURRENCY),
    secrets: () => services.keys.knownSecrets(),
  });
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}
