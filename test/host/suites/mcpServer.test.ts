import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import {
  detectMcpApi,
  isAtLeast,
  mcpServerProvider,
  type McpApi,
  type McpDefinitionProvider,
  type McpStdioDefinition,
} from '../../../src/vscode/agents/mcpServerProvider';
import { api, emulator, eventually, EXTENSION_ID, resetWorld, testKey } from '../helpers';

/** VS Code 1.101's McpStdioServerDefinition, as this VS Code may not have it. */
class FakeStdioDefinition implements McpStdioDefinition {
  constructor(
    public label: string,
    public command: string,
    public args: string[] = [],
    public env: Record<string, string | number | null> = {},
    public version?: string,
  ) {}
}

const never = new vscode.CancellationTokenSource().token;

describe('the MCP server definition VS Code 1.101+ is offered', function () {
  this.timeout(30_000);
  let keyChanged: vscode.EventEmitter<void>;
  let key: string | undefined;
  let provider: McpDefinitionProvider;
  let disposables: vscode.Disposable[];

  beforeEach(async () => {
    await resetWorld();
    keyChanged = new vscode.EventEmitter<void>();
    key = testKey();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const api: McpApi = {
      registerMcpServerDefinitionProvider: () => new vscode.Disposable(() => undefined),
      McpStdioServerDefinition: FakeStdioDefinition,
    };
    ({ provider, disposables } = mcpServerProvider(
      {
        scriptPath: vscode.Uri.joinPath(extensionUri, 'dist', 'mcp.js').fsPath,
        version: '1.2.3',
        apiKey: async () => key,
        onDidChangeKey: keyChanged.event,
        baseUrl: () => vscode.workspace.getConfiguration('niamonx').get<string>('apiBaseUrl')!,
        onDidChangeBaseUrl: new vscode.EventEmitter<void>().event,
      },
      api,
    ));
  });
  afterEach(() => {
    for (const disposable of disposables ?? []) disposable.dispose();
    keyChanged?.dispose();
  });

  it('is offered only where the API is stable (1.101+): 1.100 has a proposal of it that would throw', () => {
    assert.equal(isAtLeast('1.100.3', 1, 101), false);
    assert.equal(isAtLeast('1.101.0', 1, 101), true);
    assert.equal(isAtLeast('1.139.1', 1, 101), true);
    assert.equal(isAtLeast('2.0.0-insider', 1, 101), true);
    assert.equal(isAtLeast('unknown', 1, 101), false);
    assert.equal(detectMcpApi('1.100.3'), undefined);
    // Here: whatever this VS Code is, the extension activated (resetWorld) and detection agrees with its version.
    if (!isAtLeast(vscode.version, 1, 101)) assert.equal(detectMcpApi(), undefined);
    else assert.equal(typeof detectMcpApi()?.registerMcpServerDefinitionProvider, 'function');
  });

  const listed = async () => ((await provider.provideMcpServerDefinitions(never)) ?? [])[0];

  it('lists the server without the key, runs dist/mcp.js on the extension host’s Node', async () => {
    const definition = await listed();
    assert.equal(definition.command, process.execPath);
    assert.equal(definition.args.length, 1);
    assert.ok(existsSync(definition.args[0]) && definition.args[0].endsWith('mcp.js'), definition.args[0]);
    assert.equal(definition.env.NIAMONX_API_KEY, null, 'no key in the definition VS Code lists and caches');
    assert.ok(!JSON.stringify(definition).includes(testKey()));
    assert.equal(definition.env.ELECTRON_RUN_AS_NODE, '1');
  });

  it('puts the key into the environment only on resolve, and announces a key change', async () => {
    let announced = 0;
    const subscription = provider.onDidChangeMcpServerDefinitions!(() => announced++);
    const resolved = await provider.resolveMcpServerDefinition!(await listed(), never);
    assert.equal(resolved?.env.NIAMONX_API_KEY, testKey());
    keyChanged.fire();
    assert.equal(announced, 1);
    subscription.dispose();
  });

  it('the resolved definition starts a server whose ping makes one call to the emulator', async () => {
    const resolved = (await provider.resolveMcpServerDefinition!(await listed(), never))!;
    const env = Object.fromEntries(Object.entries(resolved.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const client = new Client({ name: 'niamonx-host-test', version: '0.0.0' });
    await client.connect(new StdioClientTransport({ command: resolved.command, args: resolved.args, env, stderr: 'ignore' }));
    try {
      const result = (await client.callTool({ name: 'niamonx_ping', arguments: { ip: '8.8.8.8' } })) as {
        content: Array<{ text: string }>;
      };
      assert.match(result.content[0].text, /^gl_ping 8\.8\.8\.8: OK/);
      const requests = await emulator().requests();
      assert.equal(requests.length, 1);
      assert.equal(requests[0].tool, 'gl_ping');
    } finally {
      await client.close();
    }
  });
});

describe("the MCP server in this VS Code's own MCP support", function () {
  this.timeout(60_000);

  it('is offered exactly where VS Code has the stable MCP API: there VS Code lists it, starts it with the key and invokes its ping', async () => {
    await resetWorld();
    const stable = isAtLeast(vscode.version, 1, 101);
    assert.equal(!!detectMcpApi(), stable, `VS Code ${vscode.version}: MCP API detected`);
    if (!stable) {
      // 1.100: nothing registered, and the extension works without it.
      assert.deepEqual(mcpTools(), [], 'no MCP tool of ours without the MCP API');
      assert.equal((await (await api()).runTool('gl_ping', '8.8.8.8')).ok, true);
      return;
    }
    // Starts every MCP server VS Code knows (ours is the only one here) and waits for its tools.
    await vscode.commands.executeCommand('workbench.mcp.startServer', '*', { waitForLiveTools: true, autoTrustChanges: true });
    const ping = await eventually(
      'VS Code to list the ping tool of our MCP server',
      () => mcpTools().find((tool) => tool.name.endsWith('niamonx_ping')),
      30_000,
    );
    assert.deepEqual((ping.inputSchema as { required?: string[] } | undefined)?.required, ['ip'], JSON.stringify(ping.inputSchema));
    const result = await vscode.lm.invokeTool(ping.name, { input: { ip: '8.8.8.8' }, toolInvocationToken: undefined });
    const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    assert.match(text, /gl_ping 8\.8\.8\.8: OK/);
    const requests = await emulator().requests();
    assert.equal(requests.length, 1, 'exactly one call');
    assert.equal(requests[0].tool, 'gl_ping');
    assert.equal(requests[0].keyHash, createHash('sha256').update(testKey()).digest('hex'), 'the key from SecretStorage');
  });
});

/** Tools VS Code has from MCP servers named like ours (it prefixes them, e.g. mcp_niamonx_too_niamonx_ping). */
function mcpTools(): vscode.LanguageModelToolInformation[] {
  return vscode.lm.tools.filter((tool) => /^mcp_.*niamonx_/.test(tool.name));
}
