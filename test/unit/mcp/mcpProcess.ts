import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** The built server, as the .vsix ships it (`node esbuild.mjs` builds it before the unit tests). */
export const MCP_JS = join(ROOT, 'dist', 'mcp.js');

export interface McpSession {
  client: Client;
  /** What the server wrote to stderr so far. */
  stderr: () => string;
  close: () => Promise<void>;
}

/** `node dist/mcp.js` with exactly this environment (no NIAMONX_* of the test run leaks in), driven by the SDK's client. */
export async function startMcp(env: Record<string, string>): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [MCP_JS],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'niamonx-unit-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** The server as a bare child process, for what the client hides: exit codes and the end of stdin. */
export function spawnMcp(env: Record<string, string>): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [MCP_JS], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stderr: () => stderr, exited };
}

/** The texts of a tool result's content. */
export function textsOf(result: unknown): string[] {
  return ((result as { content: Array<{ type: string; text?: string }> }).content ?? []).map((part) => part.text ?? '');
}
