import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readMcpEnvironment } from './environment';
import { createNiamonxMcpServer } from './mcpServer';

/** The extension's version, put in by esbuild's `define` from package.json. */
declare const NIAMONX_VERSION: string;

/** stdout carries the protocol only: anything else goes to stderr, and never the key. */
function log(line: string): void {
  process.stderr.write(`[niamonx-mcp] ${line}\n`);
}

/**
 * `node dist/mcp.js`: the NiamonX tools as a stdio MCP server. Its environment is its whole
 * configuration (environment.ts); it ends when its client closes stdin.
 */
async function main(): Promise<void> {
  // A stray console.log of a dependency would corrupt the protocol on stdout.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const environment = readMcpEnvironment(process.env);
  if (!environment.ok) {
    log(`not started: ${environment.message}`);
    process.exitCode = 2;
    return;
  }
  const { config } = environment;
  const server = createNiamonxMcpServer({ config, version: NIAMONX_VERSION, log });
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.once('end', stop);
  process.stdin.once('close', stop);
  await server.connect(new StdioServerTransport());
  log(
    `ready: ${config.baseUrl ?? 'the NiamonX API'}, budget ${config.maxCalls} call${config.maxCalls === 1 ? '' : 's'}; nothing is sent until a tool is called.`,
  );
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
