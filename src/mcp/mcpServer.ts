import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AgentInputError, agentToolCalls } from '../core/agent/agentToolCalls';
import { modelText } from '../core/agent/modelText';
import { scheduledRunMany } from '../core/agent/scheduledRunMany';
import { PacingBook } from '../core/bulk/pacing';
import { buildCatalog } from '../core/catalog/catalog';
import { ToolStateTracker } from '../core/catalog/toolState';
import { redactText } from '../core/record/redact';
import { parseNeverSendList } from '../core/neverSend/neverSendList';
import { ToolRunner } from '../core/run/toolRunner';
import { readSettings } from '../core/settings';
import { budgetedRuns } from './budgetedRuns';
import { budgetedFetch, CallBudget } from './callBudget';
import { budgetLine, CallTallies } from './callTally';
import type { McpConfig } from './environment';
import { isAgentToolName, mcpToolList } from './mcpToolList';
import { forMcp } from './mcpWording';

export interface NiamonxMcpOptions {
  config: McpConfig;
  version: string;
  /** One line to stderr; never given the key or a tool's input. */
  log: (line: string) => void;
  fetchImpl?: typeof fetch;
}

/**
 * The NiamonX agent tools as an MCP server: the same core calls as the language-model tools
 * (validation, runner with cache and cooldowns, pacing of batches, redacted and capped text,
 * model-facing errors), under a call budget per process. Nothing is sent until a tool is called.
 */
export function createNiamonxMcpServer(options: NiamonxMcpOptions): Server {
  const { config } = options;
  // The extension's defaults: timeouts, cache, pacing fallback, result cap, batch concurrency.
  const settings = readSettings(() => undefined);
  const budget = new CallBudget(config.maxCalls);
  const tallies = new CallTallies();
  const states = new ToolStateTracker({ fallbackCooldownSeconds: () => settings.cooldownFallbackSeconds });
  const pacing = new PacingBook();
  const catalog = buildCatalog([]);
  const secrets = config.apiKey.length >= 8 ? [config.apiKey] : [];
  const neverSend = { list: parseNeverSendList(config.neverSend) };
  if (neverSend.list.invalid.length > 0) options.log(`NIAMONX_NEVER_SEND: ${neverSend.list.invalid.length} entries are not used`);
  const runner = new ToolRunner({
    catalog: () => catalog,
    settings: () => ({
      baseUrl: config.baseUrl,
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      cacheTtlSeconds: settings.cacheTtlSeconds,
      cacheMaxEntries: settings.cacheMaxEntries,
    }),
    apiKey: async () => config.apiKey,
    states,
    fetchImpl: budgetedFetch(budget, () => tallies.noteSent(), options.fetchImpl),
    neverSend: () => neverSend,
  });
  const runs = budgetedRuns({
    runner,
    budget,
    onCached: () => tallies.noteCached(),
    runMany: (bulkRunner) =>
      scheduledRunMany({
        runner: bulkRunner,
        states,
        pacing,
        concurrency: () => settings.bulkConcurrency,
        fallbackCooldownSeconds: () => settings.cooldownFallbackSeconds,
      }),
  });
  const calls = agentToolCalls({ catalog: () => catalog, states, ...runs, secrets: () => secrets, neverSend: () => neverSend });
  const capNote = {
    limit: 'the NiamonX MCP server’s limit',
    fullResult: 'Ask for less (a narrower input) to see the rest.',
  };

  const server = new Server({ name: 'niamonx-tools', title: 'NiamonX Tools', version: options.version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: mcpToolList() }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const name = request.params.name;
    if (!isAgentToolName(name)) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool “${name.slice(0, 64)}”: call tools/list for the NiamonX tools.`);
    }
    const { tally, result } = await tallies.run(async () => {
      try {
        return { answer: await calls[name](request.params.arguments ?? {}, extra.signal) };
      } catch (error) {
        return { error };
      }
    });
    if ('error' in result && result.error instanceof AgentInputError) {
      options.log(`${name}: refused its arguments (nothing sent)`);
      throw new McpError(ErrorCode.InvalidParams, result.error.message);
    }
    const footer = { type: 'text' as const, text: budgetLine(tally, budget) };
    options.log(`${name}: ${'error' in result ? 'failed' : 'answered'}; ${footer.text}`);
    if ('error' in result) {
      const message = result.error instanceof Error ? result.error.message : String(result.error);
      return { content: [{ type: 'text' as const, text: forMcp(redactText(message, secrets)) }, footer], isError: true };
    }
    const { summary, data, facts } = result.answer;
    const { text } = modelText(summary, data, { maxChars: settings.aiMaxResultChars, secrets, capNote, facts });
    return { content: [{ type: 'text' as const, text }, footer] };
  });
  return server;
}
