import { AgentToolName } from '../core/agent/agentInputs';
import { QUOTA_TOOLS } from '../core/agent/agentToolCalls';

/** One language-model tool of package.json, as esbuild.mjs hands it to this bundle. */
interface ContributedTool {
  name: string;
  title: string;
  modelDescription: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
}

/**
 * `contributes.languageModelTools` of package.json, put in by esbuild's `define`: the MCP tools
 * are the language-model tools, with the same names, descriptions and input schemas, and the
 * manifest stays their one source.
 */
declare const NIAMONX_LANGUAGE_MODEL_TOOLS: ContributedTool[];

const CONSENT =
  ' Over MCP, asking the user before a call is the MCP client’s job (this server asks no one); the server spends at most ' +
  'NIAMONX_MAX_CALLS API calls per session (50 unless set) and each result says what was spent, what came from the cache and what remains.';

/** The tools/list answer. */
export function mcpToolList() {
  return NIAMONX_LANGUAGE_MODEL_TOOLS.map((tool) => {
    const spends = QUOTA_TOOLS.has(tool.name as AgentToolName);
    return {
      name: tool.name,
      title: tool.title,
      description: spends ? tool.modelDescription + CONSENT : tool.modelDescription,
      inputSchema: tool.inputSchema,
      annotations: spends
        ? { title: tool.title, readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true }
        : { title: tool.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    };
  });
}

export function isAgentToolName(name: string): name is AgentToolName {
  return (Object.values(AgentToolName) as string[]).includes(name);
}
