import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';

/** The id of `contributes.mcpServerDefinitionProviders` in package.json. */
export const MCP_PROVIDER_ID = 'niamonx.mcpServer';
const LABEL = 'NiamonX Tools';

/*
 * VS Code's MCP API is stable from 1.101; this extension supports 1.100, whose @types/vscode does
 * not have it. These are the few parts used, as VS Code 1.101+ defines them.
 */
export interface McpStdioDefinition {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  version?: string;
}

export type McpStdioDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string | number | null>,
  version?: string,
) => McpStdioDefinition;

export interface McpDefinitionProvider {
  onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition[]>;
  resolveMcpServerDefinition?(server: McpStdioDefinition, token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition>;
}

export interface McpApi {
  registerMcpServerDefinitionProvider: (id: string, provider: McpDefinitionProvider) => vscode.Disposable;
  McpStdioServerDefinition: McpStdioDefinitionClass;
}

/**
 * VS Code's MCP API when this VS Code has it as stable API (1.101+), else undefined. VS Code
 * 1.100 already has `registerMcpServerDefinitionProvider`, but there it demands the proposal's
 * contribution point (`modelContextServerCollections`) and throws: so the version decides too.
 */
export function detectMcpApi(version = vscode.version): McpApi | undefined {
  if (!isAtLeast(version, 1, 101)) return undefined;
  const register = (vscode.lm as unknown as Partial<Pick<McpApi, 'registerMcpServerDefinitionProvider'>> | undefined)
    ?.registerMcpServerDefinitionProvider;
  const definition = (vscode as unknown as Partial<Pick<McpApi, 'McpStdioServerDefinition'>>).McpStdioServerDefinition;
  if (typeof register !== 'function' || typeof definition !== 'function') return undefined;
  return { registerMcpServerDefinitionProvider: register.bind(vscode.lm), McpStdioServerDefinition: definition };
}

/** Whether a VS Code version such as "1.101.0" or "1.102.0-insider" is at least major.minor. */
export function isAtLeast(version: string, major: number, minor: number): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [have, haveMinor] = [Number(match[1]), Number(match[2])];
  return have > major || (have === major && haveMinor >= minor);
}

export interface McpServerSource {
  /** dist/mcp.js of this extension. */
  scriptPath: string;
  version: string;
  apiKey: () => Promise<string | undefined>;
  onDidChangeKey: vscode.Event<void>;
  /** The user's own niamonx.apiBaseUrl (never a workspace's). */
  baseUrl: () => string;
  onDidChangeBaseUrl: vscode.Event<void>;
  /** The never-send list (the user's, plus what workspaces add), handed to the server as NIAMONX_NEVER_SEND. */
  neverSend?: () => unknown[];
}

/**
 * Offers the NiamonX MCP server (dist/mcp.js) to VS Code's MCP support. The definition VS Code
 * lists and caches holds no key: the key from SecretStorage is put into the server's
 * environment only when VS Code is about to start it (resolve). The server runs on the
 * extension host's own Node (process.execPath, as VS Code's API docs advise; Electron needs
 * ELECTRON_RUN_AS_NODE to act as Node).
 */
export function mcpServerProvider(
  source: McpServerSource,
  api: McpApi,
): { provider: McpDefinitionProvider; disposables: vscode.Disposable[] } {
  const changed = new vscode.EventEmitter<void>();
  const provider: McpDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => [
      new api.McpStdioServerDefinition(
        LABEL,
        process.execPath,
        [source.scriptPath],
        // null removes a NIAMONX_API_KEY the editor itself was started with from the listed definition.
        { ELECTRON_RUN_AS_NODE: '1', NIAMONX_API_BASE_URL: source.baseUrl(), NIAMONX_API_KEY: null },
        source.version,
      ),
    ],
    resolveMcpServerDefinition: async (server) => {
      const key = await source.apiKey().catch(() => undefined);
      if (!key) {
        void askForKey();
        return undefined;
      }
      // The list goes in at start, like the key: it names internal ranges and domains, which a cached definition need not hold.
      server.env = { ...server.env, NIAMONX_API_KEY: key, NIAMONX_NEVER_SEND: JSON.stringify(source.neverSend?.() ?? []) };
      return server;
    },
  };
  return {
    provider,
    disposables: [changed, source.onDidChangeKey(() => changed.fire()), source.onDidChangeBaseUrl(() => changed.fire())],
  };
}

async function askForKey(): Promise<void> {
  const setKey = vscode.l10n.t('Set API Key');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The NiamonX MCP server needs an API key. Set one, then start the server again.'),
    setKey,
  );
  if (choice === setKey) await vscode.commands.executeCommand(CommandId.SetApiKey);
}
