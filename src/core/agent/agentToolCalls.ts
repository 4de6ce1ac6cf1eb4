import type { ToolCatalog } from '../catalog/catalog';
import type { ToolStateTracker } from '../catalog/toolState';
import type { ToolRun } from '../errors';
import {
  AgentToolName,
  extractInput,
  listToolsInput,
  parseAgentInput,
  pingInput,
  pingManyInput,
  runToolInput,
  type ExtractInput,
  type PingInput,
  type PingManyInput,
  type RunToolInput,
} from './agentInputs';
import type { PlannedCalls } from './confirmation';
import { indicatorsIn, indicatorSummary } from './indicators';
import { IMPLICIT_ONLY, refusalMessage, type NeverSendPolicy } from '../neverSend/neverSendCheck';
import { neverSendMatchOfBody } from '../neverSend/requestGate';
import { modelErrorMessage } from './modelErrors';
import { pingManyReport } from './pingManyResult';
import { checkAddress, planPings } from './pingPlan';
import type { RunMany } from './runMany';
import { runFacts, runSummary } from './runSummary';
import { listTools } from './toolList';

export interface AgentToolDeps {
  catalog: () => ToolCatalog;
  states: ToolStateTracker;
  /** One run through the shared runner (cache, shared calls, cooldowns, key). */
  runOne: (tool: string, input: string, signal: AbortSignal) => Promise<ToolRun>;
  /** Many runs of one tool (niamonx_ping_many); the bulk scheduler stands in for it. */
  runMany: RunMany;
  /** The API key, to scrub from anything a model sees. */
  secrets: () => string[];
  /**
   * Called after the input is checked and before anything may be sent, with whether the call
   * spends quota now (the tool is not cooling down); throws to refuse (the extension's consent
   * check). An MCP client asks its user itself, so the MCP server gives none.
   */
  beforeCall?: (name: AgentToolName, input: unknown, spendsNow: boolean) => void;
  /**
   * The never-send list: a value on it is refused before the consent question (the runner's
   * gate would refuse it anyway; the user is not asked about a call that cannot happen).
   */
  neverSend?: () => NeverSendPolicy;
}

/** What a tool answers a model: one summary line and the data (redacted and capped by modelText). */
export interface AgentAnswer {
  summary: string;
  data: unknown;
  /** A one-line digest of the data, shown inside the data block (modelText's `facts`). */
  facts?: string;
}

/** A call of one agent tool: its input as the model sent it, and a signal that cancels it. */
export type AgentToolCall = (input: unknown, signal: AbortSignal) => AgentAnswer | Promise<AgentAnswer>;

/**
 * The input did not match the tool's schema: nothing was sent. Its message is the model-facing
 * `invalid-input: …` text; an MCP server reports it as a protocol error (bad arguments).
 */
export class AgentInputError extends Error {}

const PING = 'gl_ping';

/** The agent tools that may spend quota (each call of the others is local and free). */
export const QUOTA_TOOLS: ReadonlySet<AgentToolName> = new Set([AgentToolName.Ping, AgentToolName.RunTool, AgentToolName.PingMany]);

/**
 * The five agent tools, VS Code-free: the language-model tools (src/vscode/agents) and the MCP
 * server (src/mcp) both call these. Each validates its input locally before any call and throws
 * an Error whose message is the model-facing error (modelErrors) when the call fails.
 */
export function agentToolCalls(deps: AgentToolDeps): Record<AgentToolName, AgentToolCall> {
  /** A cooling-down tool is refused locally without a call: it spends nothing now. */
  const callable = (tool: string) => deps.states.blockingState(tool) === undefined;
  const beforeCall = (name: AgentToolName, input: unknown, spendsNow: boolean) => deps.beforeCall?.(name, input, spendsNow);
  const runAndDescribe = async (tool: string, input: string, signal: AbortSignal): Promise<AgentAnswer> => {
    const run = await withSignal(tool, signal, () => deps.runOne(tool, input, signal));
    if (!run.ok) throw new Error(modelErrorMessage(run, deps.secrets()));
    return { summary: runSummary(run, input), data: run.data, facts: runFacts(run) };
  };

  return {
    [AgentToolName.ExtractIndicators]: (input) => {
      const { text } = parsed<ExtractInput>(extractInput(), input);
      const report = indicatorsIn(text, deps.catalog());
      return { summary: indicatorSummary(report), data: report };
    },

    [AgentToolName.ListTools]: (input) => {
      parsed(listToolsInput(), input);
      return listTools(deps.catalog(), deps.states);
    },

    [AgentToolName.Ping]: (input, signal) => {
      const { ip } = parsed<PingInput>(pingInput(), input);
      const address = addressToPing(ip);
      refuseNeverSend(PING, address, deps);
      beforeCall(AgentToolName.Ping, input, callable(PING));
      return runAndDescribe(PING, address, signal);
    },

    [AgentToolName.RunTool]: (input, signal) => {
      const { tool, input: value } = parsed<RunToolInput>(runToolInput(), input);
      if (!deps.catalog().find(tool)) {
        throw new Error(
          `unknown-tool: “${tool}” is not a NiamonX tool of this catalog. Nothing was sent. Call niamonx_list_tools for the tools that exist.`,
        );
      }
      const toRun = tool === PING ? addressToPing(value) : value;
      refuseNeverSend(tool, toRun, deps);
      beforeCall(AgentToolName.RunTool, input, callable(tool));
      return runAndDescribe(tool, toRun, signal);
    },

    [AgentToolName.PingMany]: async (input, signal) => {
      const { ips } = parsed<PingManyInput>(pingManyInput(), input);
      const plan = planPings(ips);
      // A listed address stays in the plan: the runner's gate refuses it, and the report says so per address.
      beforeCall(AgentToolName.PingMany, input, plan.toPing.length > 0 && callable(PING));
      const runs = plan.toPing.length ? await withSignal(PING, signal, () => deps.runMany(PING, plan.toPing, signal)) : [];
      const report = pingManyReport(plan, runs, deps.secrets());
      if ('error' in report) throw new Error(report.error);
      return report;
    },
  };
}

/**
 * The calls a tool invocation may spend, decided from its input alone (for the consent
 * question): none for invalid input, a non-public address, an unknown tool, a cooling-down tool,
 * or the tools that never call. The two tools without calls are not listed.
 */
export function plannedCalls(
  name: AgentToolName,
  input: unknown,
  deps: Pick<AgentToolDeps, 'catalog' | 'states' | 'neverSend'>,
): PlannedCalls | undefined {
  const allowed = (value: string | undefined) =>
    value !== undefined && !neverSendMatchOfBody({ value }, deps.neverSend?.() ?? IMPLICIT_ONLY);
  const labelOf = (tool: string) => deps.catalog().find(tool)?.label ?? tool;
  /** A cooling-down tool is refused locally without a call, so there is nothing to agree to. */
  const callable = (tool: string) => deps.states.blockingState(tool) === undefined;
  switch (name) {
    case AgentToolName.Ping: {
      const parsedInput = parseAgentInput<PingInput>(pingInput(), input);
      const ip = parsedInput.ok ? publicAddress(parsedInput.value.ip) : undefined;
      return { tool: PING, label: labelOf(PING), inputs: [ip ?? ''], calls: ip && allowed(ip) && callable(PING) ? 1 : 0 };
    }
    case AgentToolName.RunTool: {
      const parsedInput = parseAgentInput<RunToolInput>(runToolInput(), input);
      const tool = parsedInput.ok ? parsedInput.value.tool : '';
      const value = parsedInput.ok ? (tool === PING ? publicAddress(parsedInput.value.input) : parsedInput.value.input) : undefined;
      const willCall = allowed(value) && deps.catalog().find(tool) !== undefined && callable(tool);
      return { tool, label: labelOf(tool), inputs: [value ?? ''], calls: willCall ? 1 : 0 };
    }
    case AgentToolName.PingMany: {
      const parsedInput = parseAgentInput<PingManyInput>(pingManyInput(), input);
      const toPing = parsedInput.ok && callable(PING) ? planPings(parsedInput.value.ips).toPing.filter(allowed) : [];
      return { tool: PING, label: labelOf(PING), inputs: toPing, calls: toPing.length };
    }
    default:
      return undefined;
  }
}

/** Throws the model-facing never-send refusal when `value` is on the list (nothing is sent, nobody is asked). */
function refuseNeverSend(tool: string, value: string, deps: Pick<AgentToolDeps, 'neverSend' | 'secrets'>): void {
  const match = neverSendMatchOfBody({ value }, deps.neverSend?.() ?? IMPLICIT_ONLY);
  if (match) throw new Error(modelErrorMessage({ tool, error: { kind: 'never-send', message: refusalMessage(match) } }, deps.secrets()));
}

/** The model-facing error for a call that was cancelled before or while it ran. */
export function cancelledError(tool: string): Error {
  return new Error(modelErrorMessage({ tool, error: { kind: 'cancelled', message: 'Cancelled.' } }));
}

/** Runs `work` unless `signal` is already aborted; a result that arrives after an abort is a cancellation too. */
async function withSignal<T>(tool: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw cancelledError(tool);
  const result = await work();
  if (signal.aborted) throw cancelledError(tool);
  return result;
}

function parsed<T>(schema: Parameters<typeof parseAgentInput<T>>[0], input: unknown): T {
  const result = parseAgentInput(schema, input);
  if (!result.ok) throw new AgentInputError(result.message);
  return result.value;
}

function publicAddress(ip: string): string | undefined {
  const check = checkAddress(ip);
  return check.ok && check.isPublic ? check.ip : undefined;
}

/** A public address to ping, or the invalid-input error to throw (nothing is sent). */
function addressToPing(ip: string): string {
  const check = checkAddress(ip);
  if (!check.ok)
    throw new Error(`invalid-input: “${ip.slice(0, 100)}” is ${check.reason}. Nothing was sent. Pass one IPv4 or IPv6 address.`);
  if (!check.isPublic) {
    throw new Error(
      `invalid-input: ${check.ip} is a ${check.class} address, not reachable from the internet, so NiamonX cannot ping it. Nothing was sent. Do not ping non-public addresses.`,
    );
  }
  return check.ip;
}
