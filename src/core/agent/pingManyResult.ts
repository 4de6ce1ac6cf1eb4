import type { ToolRun } from '../errors';
import { redact } from '../record/redact';
import { modelErrorMessage } from './modelErrors';
import type { PingPlan } from './pingPlan';

export interface PingManyReport {
  summary: string;
  data: {
    results: Array<{ ip: string; ok: true; cached?: boolean; data: unknown } | { ip: string; ok: false; error: string }>;
    skipped: PingPlan['skipped'];
    invalid: PingPlan['invalid'];
    duplicates: number;
  };
}

/** Errors after which the other calls of the batch would fail the same way: the model should stop. */
const STOPPING_KINDS = new Set(['auth', 'config', 'network', 'cancelled', 'rate-limit', 'disabled', 'unknown-tool']);

/**
 * The model's view of a batch: one line of counts, then per address its answer or an error
 * saying what to do. When nothing succeeded and the failures call for stopping (no key,
 * cancelled, ...), returns the first such message to throw instead.
 */
export function pingManyReport(plan: PingPlan, runs: readonly ToolRun[], secrets: string[] = []): PingManyReport | { error: string } {
  const failed = runs.filter((run): run is Extract<ToolRun, { ok: false }> => !run.ok);
  const stopping = failed.find((run) => STOPPING_KINDS.has(run.error.kind));
  if (runs.length > 0 && failed.length === runs.length && stopping) return { error: modelErrorMessage(stopping, secrets) };

  const results = runs.map((run, index) => {
    const ip = plan.toPing[index];
    if (!run.ok) return { ip, ok: false as const, error: modelErrorMessage(run, secrets) };
    return { ip, ok: true as const, ...(run.cached ? { cached: true } : {}), data: redact(run.data).data };
  });
  const answered = runs.length - failed.length;
  const cached = runs.filter((run) => run.ok && run.cached).length;
  const parts = [
    `gl_ping on ${plan.toPing.length} unique public address${plan.toPing.length === 1 ? '' : 'es'}: ${answered} answered${cached ? ` (${cached} from the local cache, no quota spent)` : ''}, ${failed.length} failed`,
    plan.skipped.length ? `${plan.skipped.length} skipped as not public (not pinged)` : '',
    plan.invalid.length ? `${plan.invalid.length} invalid` : '',
    plan.duplicates ? `${plan.duplicates} duplicate${plan.duplicates === 1 ? '' : 's'} removed` : '',
  ].filter(Boolean);
  return {
    summary: `${parts.join('; ')}.`,
    data: { results, skipped: plan.skipped, invalid: plan.invalid, duplicates: plan.duplicates },
  };
}
