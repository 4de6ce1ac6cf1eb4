import type { PlannedTarget } from './bulkPlan';
import type { BulkRow, BulkRunResult } from './bulkScheduler';

export interface BudgetSplit {
  /** What the run sends, in plan order: every cached target (free) and the first `maxCalls` others. */
  send: PlannedTarget[];
  /** Targets over the budget: listed as not run, so Run Again continues with them. */
  over: PlannedTarget[];
}

/** Splits a plan (most frequent first) at `maxCalls` calls; answers from the cache cost nothing. */
export function splitByBudget(targets: readonly PlannedTarget[], cached: ReadonlySet<string>, maxCalls: number): BudgetSplit {
  const send: PlannedTarget[] = [];
  const over: PlannedTarget[] = [];
  let calls = 0;
  for (const target of targets) {
    if (cached.has(target.value)) send.push(target);
    else if (calls < maxCalls) {
      calls++;
      send.push(target);
    } else over.push(target);
  }
  return { send, over };
}

/** The run's rows, then a not-run row for each target over the budget (in the same order as the plan's targets). */
export function withOverBudgetRows(result: BulkRunResult, over: readonly PlannedTarget[], maxCalls: number): BulkRunResult {
  if (over.length === 0) return result;
  const notRun = `over niamonx.bulk.maxCalls (${maxCalls})`;
  const rows: BulkRow[] = over.map((target) => ({ sent: target.value, status: 'not-run', notRun, attempts: 0 }));
  return { ...result, rows: [...result.rows, ...rows] };
}
