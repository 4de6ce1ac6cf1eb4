import * as vscode from 'vscode';
import { SECTION, currentSettings } from '../settings/config';
import type { Services } from '../services';
import { detectMcpApi, MCP_PROVIDER_ID, mcpServerProvider } from './mcpServerProvider';

/**
 * Offers the NiamonX MCP server to VS Code 1.101+ (feature-detected: on 1.100 nothing is
 * registered). Registration only: the server starts when VS Code (or the user) starts it.
 */
export function registerMcpServer(services: Services, context: vscode.ExtensionContext): vscode.Disposable[] {
  const api = detectMcpApi();
  if (!api) return [];
  const baseUrlChanged = new vscode.EventEmitter<void>();
  const { provider, disposables } = mcpServerProvider(
    {
      scriptPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcp.js').fsPath,
      version: (context.extension.packageJSON as { version: string }).version,
      apiKey: () => services.keys.get(),
      onDidChangeKey: services.keys.onDidChange,
      baseUrl: () => currentSettings().apiBaseUrl,
      onDidChangeBaseUrl: baseUrlChanged.event,
      neverSend: () => currentSettings().neverSend,
    },
    api,
  );
  const subscriptions: vscode.Disposable[] = [
    baseUrlChanged,
    ...disposables,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.apiBaseUrl`)) baseUrlChanged.fire();
    }),
  ];
  try {
    subscriptions.push(api.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider));
  } catch (error) {
    // An editor whose MCP API differs must not cost the user the rest of the extension.
    services.output.channel.warn(
      `The NiamonX MCP server could not be offered to this editor: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return subscriptions;
}
