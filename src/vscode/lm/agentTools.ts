import type * as vscode from 'vscode';
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
} from '../../core/agent/agentInputs';
import { prepareMessages, type PlannedCalls } from '../../core/agent/confirmation';
import { ConsentLedger, notAskedMessage } from '../../core/agent/consentLedger';
import { indicatorsIn, indicatorSummary } from '../../core/agent/indicators';
import { modelErrorMessage } from '../../core/agent/modelErrors';
import { pingManyReport } from '../../core/agent/pingManyResult';
import { checkAddress, planPings } from '../../core/agent/pingPlan';
import type { RunMany } from '../../core/agent/runMany';
import { runFacts, runSummary } from '../../core/agent/runSummary';
import { listTools } from '../../core/agent/toolList';
import type { ToolCatalog } from '../../core/catalog/catalog';
import type { ToolStateTracker } from '../../core/catalog/toolState';
import type { ToolRun } from '../../core/errors';
import { currentSettings } from '../config';
import { preparedInvocation, textResult, translate, withAbort } from './agentToolSupport';

export interface AgentToolDeps {
  catalog: () => ToolCatalog;
  states: ToolStateTracker;
  /** One run through the shared runner (cache, shared calls, cooldowns, key), recorded as the agent's. */
  runOne: (tool: string, input: string, signal: AbortSignal) => Promise<ToolRun>;
  /** Many runs of one tool (niamonx_ping_many); the bulk scheduler can stand in for it. */
  runMany: RunMany;
  /** The API key, to scrub from anything a model sees. */
  secrets: () => string[];
}

const PING = 'gl_ping';

/** The five language-model tools; each `invoke` validates its input locally before any call. */
export function agentTools(deps: AgentToolDeps): Record<AgentToolName, vscode.LanguageModelTool<unknown>> {
  const labelOf = (tool: string) => deps.catalog().find(tool)?.label ?? tool;
  const confirmCalls = () => currentSettings().aiConfirmCalls;
  const consent = new ConsentLedger();
  /** The prepared invocation for `planned`, remembering when it asks the user. */
  const prepare = (agentTool: AgentToolName, input: unknown, planned: PlannedCalls) => {
    const messages = prepareMessages(planned, confirmCalls(), translate);
    if (messages.confirmation) consent.asked(agentTool, input);
    return preparedInvocation(messages);
  };
  /** Consent decided again at invoke: a call that spends now needs the question asked at prepare. */
  const requireConsent = (agentTool: AgentToolName, input: unknown, spendsNow: boolean) => {
    const asked = consent.take(agentTool, input);
    if (spendsNow && confirmCalls() && !asked) throw new Error(notAskedMessage(agentTool));
  };
  /** A cooling-down tool is refused locally without a call, so there is nothing to agree to. */
  const callable = (tool: string) => deps.states.blockingState(tool) === undefined;
  const publicAddress = (ip: string) => {
    const check = checkAddress(ip);
    return check.ok && check.isPublic ? check.ip : undefined;
  };

  const runAndDescribe = async (tool: string, input: string, token: vscode.CancellationToken) => {
    const run = await withAbort(tool, token, (signal) => deps.runOne(tool, input, signal));
    if (!run.ok) throw new Error(modelErrorMessage(run, deps.secrets()));
    return textResult(runSummary(run, input), run.data, deps.secrets(), runFacts(run));
  };

  /** A public address to ping, or the invalid-input error to throw (nothing is sent). */
  const addressToPing = (ip: string): string => {
    const check = checkAddress(ip);
    if (!check.ok)
      throw new Error(`invalid-input: “${ip.slice(0, 100)}” is ${check.reason}. Nothing was sent. Pass one IPv4 or IPv6 address.`);
    if (!check.isPublic) {
      throw new Error(
        `invalid-input: ${check.ip} is a ${check.class} address, not reachable from the internet, so NiamonX cannot ping it. Nothing was sent. Do not ping non-public addresses.`,
      );
    }
    return check.ip;
  };

  const parsed = <T>(schema: Parameters<typeof parseAgentInput<T>>[0], input: unknown): T => {
    const result = parseAgentInput(schema, input);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };

  return {
    [AgentToolName.ExtractIndicators]: {
      invoke: (options) => {
        const { text } = parsed<ExtractInput>(extractInput(), options.input);
        const report = indicatorsIn(text, deps.catalog());
        return textResult(indicatorSummary(report), report, deps.secrets());
      },
    },

    [AgentToolName.ListTools]: {
      invoke: (options) => {
        parsed(listToolsInput(), options.input);
        const { summary, data } = listTools(deps.catalog(), deps.states);
        return textResult(summary, data, deps.secrets());
      },
    },

    [AgentToolName.Ping]: {
      prepareInvocation: (options) => {
        const input = parseAgentInput<PingInput>(pingInput(), options.input);
        const ip = input.ok ? publicAddress(input.value.ip) : undefined;
        return prepare(AgentToolName.Ping, options.input, {
          tool: PING,
          label: labelOf(PING),
          inputs: [ip ?? ''],
          calls: ip && callable(PING) ? 1 : 0,
        });
      },
      invoke: (options, token) => {
        const { ip } = parsed<PingInput>(pingInput(), options.input);
        const address = addressToPing(ip);
        requireConsent(AgentToolName.Ping, options.input, callable(PING));
        return runAndDescribe(PING, address, token);
      },
    },

    [AgentToolName.RunTool]: {
      prepareInvocation: (options) => {
        const input = parseAgentInput<RunToolInput>(runToolInput(), options.input);
        const tool = input.ok ? input.value.tool : '';
        const value = input.ok ? (tool === PING ? publicAddress(input.value.input) : input.value.input) : undefined;
        const willCall = value !== undefined && deps.catalog().find(tool) !== undefined && callable(tool);
        return prepare(AgentToolName.RunTool, options.input, {
          tool,
          label: labelOf(tool),
          inputs: [value ?? ''],
          calls: willCall ? 1 : 0,
        });
      },
      invoke: (options, token) => {
        const { tool, input } = parsed<RunToolInput>(runToolInput(), options.input);
        if (!deps.catalog().find(tool)) {
          throw new Error(
            `unknown-tool: “${tool}” is not a NiamonX tool of this catalog. Nothing was sent. Call niamonx_list_tools for the tools that exist.`,
          );
        }
        const value = tool === PING ? addressToPing(input) : input;
        requireConsent(AgentToolName.RunTool, options.input, callable(tool));
        return runAndDescribe(tool, value, token);
      },
    },

    [AgentToolName.PingMany]: {
      prepareInvocation: (options) => {
        const input = parseAgentInput<PingManyInput>(pingManyInput(), options.input);
        const toPing = input.ok && callable(PING) ? planPings(input.value.ips).toPing : [];
        return prepare(AgentToolName.PingMany, options.input, { tool: PING, label: labelOf(PING), inputs: toPing, calls: toPing.length });
      },
      invoke: async (options, token) => {
        const { ips } = parsed<PingManyInput>(pingManyInput(), options.input);
        const plan = planPings(ips);
        requireConsent(AgentToolName.PingMany, options.input, plan.toPing.length > 0 && callable(PING));
        const runs = plan.toPing.length ? await withAbort(PING, token, (signal) => deps.runMany(PING, plan.toPing, signal)) : [];
        const report = pingManyReport(plan, runs, deps.secrets());
        if ('error' in report) throw new Error(report.error);
        return textResult(report.summary, report.data, deps.secrets());
      },
    },
  };
}
