import type { AgentToolDeps } from '../core/agent/agentToolCalls';
import type { RunMany } from '../core/agent/runMany';
import type { BulkRunner } from '../core/bulk/bulkScheduler';
import type { ToolRun } from '../core/errors';
import type { RunOutcome, RunRequest, ToolRunner } from '../core/run/toolRunner';
import type { CallBudget } from './callBudget';
import { ENV_MAX_CALLS } from './environment';

export interface BudgetedRunsDeps {
  runner: Pick<ToolRunner, 'run' | 'isCached' | 'cachedInputs'>;
  budget: CallBudget;
  /** The scheduled many-runs (pacing, retries) over the budgeted runner. */
  runMany: (runner: BulkRunner) => RunMany;
  /** A run was answered from the local cache. */
  onCached: () => void;
}

/**
 * The agent tools' runs under the MCP server's call budget. A run that may send takes a
 * reservation first; once none is left, only answers still in the cache are given and every
 * other run is refused with a model-facing message, before anything is sent.
 */
export function budgetedRuns(deps: BudgetedRunsDeps): Pick<AgentToolDeps, 'runOne' | 'runMany'> {
  const { runner, budget } = deps;

  /** The outcome, or undefined when the budget refuses the run (nothing was sent). */
  const gatedRun = async (request: RunRequest): Promise<RunOutcome | undefined> => {
    const reserved = await budget.withReservation(() => runner.run(request));
    let outcome: RunOutcome;
    if (reserved.ran) {
      outcome = reserved.value;
    } else if (typeof request.input === 'string' && (await runner.isCached({ tool: request.tool, input: request.input }))) {
      outcome = await runner.run(request);
    } else {
      return undefined;
    }
    if (outcome.run.ok && outcome.run.cached) deps.onCached();
    return outcome;
  };

  const bulkRunner: BulkRunner = {
    run: async (request) => (await gatedRun(request)) ?? refusedOutcome(request, budget),
    isCached: (request) => runner.isCached(request),
  };
  const many = deps.runMany(bulkRunner);

  return {
    runOne: async (tool, input, signal) => {
      const outcome = await gatedRun({ tool, input, signal });
      if (!outcome) throw new Error(budgetSpentMessage(budget));
      return outcome.run;
    },
    runMany: async (tool, inputs, signal) => {
      const cached = await runner.cachedInputs(tool, inputs);
      const needed = inputs.filter((input) => !cached.has(input)).length;
      if (needed > budget.available) throw new Error(budgetShortMessage(needed, budget));
      return many(tool, inputs, signal);
    },
  };
}

const QUOTA_TOOL_NAMES = 'niamonx_ping, niamonx_run_tool or niamonx_ping_many';

export function budgetSpentMessage(budget: CallBudget): string {
  return (
    `budget: this NiamonX MCP server has spent its budget of ${budget.max} API call${budget.max === 1 ? '' : 's'} (${ENV_MAX_CALLS}). ` +
    `Nothing was sent. Answers still in the local cache stay free, but do not call ${QUOTA_TOOL_NAMES} on new inputs again; ` +
    `tell the user, who can restart the server with a higher ${ENV_MAX_CALLS}.`
  );
}

export function budgetShortMessage(needed: number, budget: CallBudget): string {
  const left = budget.available;
  return (
    `budget: this call needs up to ${needed} API calls, but only ${left} of this NiamonX MCP server's ${budget.max} remain (${ENV_MAX_CALLS}). ` +
    `Nothing was sent. ${left > 0 ? `Call again with at most ${left} address${left === 1 ? '' : 'es'} not answered before, or tell the user` : 'Tell the user'}, ` +
    `who can restart the server with a higher ${ENV_MAX_CALLS}.`
  );
}

/** A row of a batch the budget refused (a retry after the budget ran out): a `config` failure, nothing sent. */
function refusedOutcome(request: RunRequest, budget: CallBudget): RunOutcome {
  const run: ToolRun = {
    ok: false,
    tool: request.tool,
    error: { kind: 'config', message: `The call budget of this NiamonX MCP server (${ENV_MAX_CALLS}=${budget.max}) is spent.` },
  };
  return { run, input: typeof request.input === 'string' ? request.input : '', startedAt: Date.now() };
}
