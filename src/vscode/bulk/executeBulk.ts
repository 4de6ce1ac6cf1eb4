import * as vscode from 'vscode';
import { localizedStopReason } from '../../core/bulk/bulkDisplay';
import type { BulkPlan, PlannedTarget } from '../../core/bulk/bulkPlan';
import { runBulk, type BulkProgress, type BulkRunResult } from '../../core/bulk/bulkScheduler';
import { bulkRecordData, pendingInputs, summariseBulk, type BulkSummary } from '../../core/bulk/bulkSummary';
import { splitByBudget, withOverBudgetRows } from '../../core/bulk/callBudget';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { bulkRecord } from '../../core/record/buildRecord';
import { percentReporter, withCancellableProgress } from '../run/cancellation';
import type { Services } from '../services';
import type { Settings } from '../../core/settings';
import { currentSettings } from '../settings/config';
import { whileActive } from './activeBulkRuns';
import { confirmCalls } from './bulkConfirmation';
import { notifyNothingToSend, notifyStop } from './bulkNotifications';

/**
 * Runs a plan: what the cache answers and the call budget allows is sent at the pace the
 * tool's cooldown allows (after a confirmation when many calls), the rest is listed for Run
 * Again; the summary goes to the result sink as one record. Undefined when the user declined.
 */
export async function executeBulk(
  services: Services,
  tool: ToolDefinition,
  plan: BulkPlan,
  sourceLabel: string,
): Promise<BulkSummary | undefined> {
  const settings = currentSettings();
  if (plan.targets.length === 0) {
    notifyNothingToSend(tool, sourceLabel, plan);
    return summariseBulk(tool.name, sourceLabel, plan, { rows: [], rateLimited: 0 });
  }
  const cached = await services.runner.cachedInputs(
    tool.name,
    plan.targets.map((target) => target.value),
  );
  const budget = splitByBudget(plan.targets, cached, settings.bulkMaxCalls);
  const calls = budget.send.length - cached.size;
  const planText = describePlan(plan, cached.size, budget.over.length, settings.bulkMaxCalls);
  services.output.channel.info(`Bulk ${tool.name} on ${sourceLabel}: ${planText}.`);
  if (calls > settings.bulkConfirmAbove) {
    const estimateMs = services.pacing.estimateMs(tool.name, calls);
    if (!(await confirmCalls({ tool, sourceLabel, plan, planText, calls, estimateMs, usage: services.usage.today() }))) return undefined;
  }

  const startedAt = Date.now();
  const sent = await sendUnderProgress(services, tool, budget.send, vscode.l10n.t('NiamonX {0}: {1}', tool.label, planText), settings);
  rememberVerdicts(services, tool, sent);
  const result = withOverBudgetRows(sent, budget.over, settings.bulkMaxCalls);
  const summary = summariseBulk(tool.name, sourceLabel, { ...plan, targets: [...budget.send, ...budget.over] }, result);
  const stopped = summary.stopped ? vscode.l10n.t(' (stopped: {0})', localizedStopReason(summary.stopped, vscode.l10n.t)) : '';
  const record = bulkRecord({
    id: services.results.newId(startedAt, 'bulk-'),
    tool: tool.name,
    toolLabel: tool.label,
    input: vscode.l10n.t('{0} targets · {1}', summary.counts.unique, summary.source) + stopped,
    startedAt,
    durationMs: Date.now() - startedAt,
    data: bulkRecordData(summary, result),
    pending: pendingInputs(result),
    redactAnswer: settings.redactSensitiveFields,
  });
  await services.results.deliver({ record }, { show: true, prettyLog: false });
  notifyStop(tool, summary);
  return summary;
}

function describePlan(plan: BulkPlan, cached: number, overBudget: number, maxCalls: number): string {
  let text = vscode.l10n.t(
    '{0} unique targets, {1} answered from the cache, {2} skipped',
    plan.targets.length,
    cached,
    plan.skipped.length,
  );
  if (overBudget > 0) text += vscode.l10n.t(', {0} left for Run Again (niamonx.bulk.maxCalls is {1})', overBudget, maxCalls);
  return text;
}

/** The scheduler under a cancellable notification that Cancel Bulk Runs can also stop. */
function sendUnderProgress(
  services: Services,
  tool: ToolDefinition,
  targets: readonly PlannedTarget[],
  title: string,
  settings: Settings,
): Thenable<BulkRunResult> {
  return withCancellableProgress(title, (controller, progress) => {
    const report = percentReporter(progress);
    return whileActive(controller, () =>
      runBulk({
        runner: services.runner,
        states: services.states,
        pacing: services.pacing,
        tool: tool.name,
        inputs: targets.map((target) => target.value),
        concurrency: settings.bulkConcurrency,
        fallbackCooldownSeconds: settings.cooldownFallbackSeconds,
        signal: controller.signal,
        onProgress: (state) => report(state.done, state.total, progressText(state)),
      }),
    );
  });
}

/** The answers stay in the cache only while it keeps them: their verdicts are held longer. */
function rememberVerdicts(services: Services, tool: ToolDefinition, sent: BulkRunResult): void {
  const answeredAt = Date.now();
  services.held.remember(
    sent.rows.flatMap((row) => (row.run?.ok ? [{ tool: tool.name, value: row.sent, data: row.run.data, at: answeredAt }] : [])),
  );
}

function progressText(state: BulkProgress): string {
  const parts = [
    vscode.l10n.t('{0}/{1} done', state.done, state.total),
    vscode.l10n.t('{0} cached', state.cached),
    vscode.l10n.t('{0} failed', state.failed),
    vscode.l10n.t('{0} waiting', state.total - state.done),
  ];
  if (state.waiting) parts.push(state.waiting);
  return parts.join(' · ');
}
