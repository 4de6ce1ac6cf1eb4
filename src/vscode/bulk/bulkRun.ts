import { neverSendMatchesInSlices } from '../../core/neverSend/neverSendSlices';
import * as vscode from 'vscode';
import { planBulk, type BulkPlan } from '../../core/bulk/bulkPlan';
import { runBulk, type BulkProgress, type BulkRunResult } from '../../core/bulk/bulkScheduler';
import { bulkRecordData, pendingInputs, summariseBulk, type BulkSummary } from '../../core/bulk/bulkSummary';
import { extractUniqueTargetsFromPieces, extractUniqueTargetsInChunks, TooManyTargetsError } from '../../core/bulk/extractUnique';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { redact } from '../../core/record/redact';
import type { ResultRecord } from '../../core/record/resultRecord';
import { CommandId, ContextKey } from '../commands/commandIds';
import { currentSettings } from '../settings/config';
import { pickTool } from '../run/pickTool';
import type { Services } from '../services';
import { parseBulkArgs } from './bulkArgs';
import { readBulkSource, type SourceScope } from './bulkSource';
import { withAbortController } from '../run/cancellation';
import { splitByBudget, withOverBudgetRows } from '../../core/bulk/callBudget';
import type { UsageToday } from '../../core/run/usageMeter';
import { ContextFlag } from '../commands/contextFlag';

/** Runs in progress, so "Cancel Bulk Runs" (and tests) can stop them as the notification's Cancel does. */
const activeRuns = new Set<AbortController>();
const bulkRunning = new ContextFlag(ContextKey.BulkRunning);

export function cancelBulkRuns(): number {
  const count = activeRuns.size;
  for (const controller of activeRuns) controller.abort();
  return count;
}

/**
 * A bulk command: the targets the tool takes, found in a selection, a document or a file,
 * deduped and planned, confirmed when many, run at the pace the tool's cooldown allows, and
 * summarised in one results panel and one history entry. Returns the plain summary.
 */
export async function bulkCommand(
  services: Services,
  scope: SourceScope,
  fixedTool: string | undefined,
  arg: unknown,
): Promise<BulkSummary | undefined> {
  const args = parseBulkArgs(arg);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(`NiamonX: ${args}`);
    return undefined;
  }
  const tool = await chooseTool(services, fixedTool ?? args.tool);
  if (!tool) return undefined;
  const source = await readBulkSource(scope, args.uri);
  if (typeof source === 'string') {
    void vscode.window.showWarningMessage(`NiamonX: ${source}`);
    return undefined;
  }
  const found = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('NiamonX: finding targets in {0}', source.label),
      cancellable: true,
    },
    (progress, token) =>
      withAbortController(token, (controller) => {
        let reported = 0;
        const options = {
          signal: controller.signal,
          onProgress: (scanned: number, total: number) => {
            const percent = Math.floor((scanned / Math.max(1, total)) * 100);
            if (percent > reported) progress.report({ increment: percent - reported });
            reported = Math.max(reported, percent);
          },
        };
        const extraction =
          source.kind === 'text'
            ? extractUniqueTargetsInChunks(source.text, tool.acceptedKinds, options)
            : extractUniqueTargetsFromPieces(source.pieces(), tool.acceptedKinds, options);
        return extraction.catch((error: unknown) => {
          // Cancelled: nothing to say. Anything else (a file that cannot be read) is shown.
          if (controller.signal.aborted) return undefined;
          if (error instanceof TooManyTargetsError) {
            void vscode.window.showWarningMessage(
              vscode.l10n.t(
                'NiamonX: {0} holds more than {1} different targets, more than a bulk run can check. Select a part of it and check the selection.',
                source.label,
                error.limit.toLocaleString(vscode.env.language),
              ),
            );
            return undefined;
          }
          throw error;
        });
      }),
  );
  if (!found) return undefined;
  const refused = await neverSendMatchesInSlices(found, services.neverSend());
  const plan = planBulk(found, { skipNonPublic: currentSettings().bulkSkipNonPublic, refused });
  return executeBulk(services, tool, plan, source.label);
}

/** Run Again on a bulk entry: only its failed and not-run inputs. */
export async function rerunBulk(services: Services, record: ResultRecord): Promise<BulkSummary | undefined> {
  const tool = services.catalog().find(record.tool);
  if (!tool || !record.bulk) return undefined;
  const inputs = record.bulk.pending;
  if (inputs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: every target of this run has its answer; nothing to run again.'));
    return undefined;
  }
  const plan: BulkPlan = {
    targets: inputs.map((value) => ({ value, raws: [value], occurrences: 1, defanged: false })),
    skipped: [],
    found: inputs.length,
    duplicates: 0,
  };
  return executeBulk(services, tool, plan, vscode.l10n.t('Run Again of {0}', record.input));
}

async function chooseTool(services: Services, name: string | undefined): Promise<ToolDefinition | undefined> {
  if (name === undefined) return pickTool(services, undefined, false, vscode.l10n.t('NiamonX: Run Tool on All Targets'));
  const tool = services.catalog().find(name);
  if (!tool)
    void vscode.window.showErrorMessage(
      vscode.l10n.t('NiamonX: no tool named "{0}". Check the name, or add it with the niamonx.tools setting.', name.slice(0, 64)),
    );
  return tool;
}

async function executeBulk(
  services: Services,
  tool: ToolDefinition,
  plan: BulkPlan,
  sourceLabel: string,
): Promise<BulkSummary | undefined> {
  const settings = currentSettings();
  const emptyResult: BulkRunResult = { rows: [], rateLimited: 0 };
  if (plan.targets.length === 0) {
    const summary = summariseBulk(tool.name, sourceLabel, plan, emptyResult);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'NiamonX: nothing to send for {0} in {1} ({2} found, {3} skipped).',
        tool.label,
        sourceLabel,
        plan.found,
        plan.skipped.length,
      ),
    );
    return summary;
  }
  const cachedValues = await services.runner.cachedInputs(
    tool.name,
    plan.targets.map((target) => target.value),
  );
  const cached = cachedValues.size;
  const budget = splitByBudget(plan.targets, cachedValues, settings.bulkMaxCalls);
  const calls = budget.send.length - cached;
  let planText = vscode.l10n.t(
    '{0} unique targets, {1} answered from the cache, {2} skipped',
    plan.targets.length,
    cached,
    plan.skipped.length,
  );
  if (budget.over.length > 0) {
    planText += vscode.l10n.t(', {0} left for Run Again (niamonx.bulk.maxCalls is {1})', budget.over.length, settings.bulkMaxCalls);
  }
  services.output.channel.info(`Bulk ${tool.name} on ${sourceLabel}: ${planText}.`);
  if (calls > settings.bulkConfirmAbove) {
    const estimate = services.pacing.estimateMs(tool.name, calls);
    const time =
      estimate === undefined
        ? vscode.l10n.t('time unknown until the tool announces its cooldown')
        : vscode.l10n.t('about {0} s', Math.ceil(estimate / 1000));
    const go = vscode.l10n.t('Make {0} Calls', calls);
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Run {0} on {1}?', tool.label, sourceLabel),
      { modal: true, detail: confirmationDetail(planText, calls, time, plan, services.usage.today()) },
      go,
    );
    if (choice !== go) return undefined;
  }

  const startedAt = Date.now();
  const sent = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('NiamonX {0}: {1}', tool.label, planText), cancellable: true },
    (progress, token) =>
      withAbortController(token, (controller) => {
        activeRuns.add(controller);
        bulkRunning.set(true);
        let reported = 0;
        const onProgress = (state: BulkProgress) => {
          const percent = Math.floor((state.done / Math.max(1, state.total)) * 100);
          progress.report({ message: progressText(state), increment: percent - reported });
          reported = percent;
        };
        return runBulk({
          runner: services.runner,
          states: services.states,
          pacing: services.pacing,
          tool: tool.name,
          inputs: budget.send.map((target) => target.value),
          concurrency: settings.bulkConcurrency,
          fallbackCooldownSeconds: settings.cooldownFallbackSeconds,
          signal: controller.signal,
          onProgress,
        }).finally(() => {
          activeRuns.delete(controller);
          bulkRunning.set(activeRuns.size > 0);
        });
      }),
  );

  // The answers themselves stay in the cache only while it keeps them: their verdicts are held longer.
  const answeredAt = Date.now();
  services.held?.remember(
    sent.rows.flatMap((row) => (row.run?.ok ? [{ tool: tool.name, value: row.sent, data: row.run.data, at: answeredAt }] : [])),
  );
  const ran = { ...plan, targets: [...budget.send, ...budget.over] };
  const result = withOverBudgetRows(sent, budget.over, settings.bulkMaxCalls);
  const summary = summariseBulk(tool.name, sourceLabel, ran, result);
  const record = toRecord(tool, summary, result, startedAt, settings.redactSensitiveFields);
  services.output.logRecord(record, false);
  await services.history.add(record);
  if (settings.resultView !== 'output') services.panels.show(record);
  else services.output.show();
  notifyStop(tool, summary, summary.rows.find((row) => row.status === 'not-run')?.sent);
  return summary;
}

/** The plan in the confirmation: what is sent, what is not and why, the time, and today's calls so far. */
function confirmationDetail(planText: string, calls: number, time: string, plan: BulkPlan, usage: UsageToday): string {
  const lines = [vscode.l10n.t('{0}. {1} API calls will be made ({2}).', planText, calls, time)];
  const reasons = new Map<string, number>();
  for (const skipped of plan.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    lines.push(vscode.l10n.t('Skipped {0}: {1}', count, reason));
  }
  lines.push(vscode.l10n.t('The most frequent targets go first. Calls made today: {0}.', usage.total));
  if (usage.remaining !== undefined) lines.push(vscode.l10n.t('Daily quota left, as the API last reported it: {0}.', usage.remaining));
  return lines.join('\n');
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

function toRecord(tool: ToolDefinition, summary: BulkSummary, result: BulkRunResult, startedAt: number, redactOn: boolean): ResultRecord {
  const data = bulkRecordData(summary, result);
  const stopped = summary.stopped ? vscode.l10n.t(' (stopped: {0})', summary.stopped) : '';
  return {
    id: `bulk-${startedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    tool: tool.name,
    toolLabel: tool.label,
    input: vscode.l10n.t('{0} targets · {1}', summary.counts.unique, summary.source) + stopped,
    startedAt,
    durationMs: Date.now() - startedAt,
    ok: true,
    data: redactOn ? redact(data).data : data,
    bulk: { pending: pendingInputs(result) },
  };
}

/** A run that stopped early says why, with the next step (Try Now for a daily limit). */
function notifyStop(tool: ToolDefinition, summary: BulkSummary, sample: string | undefined): void {
  if (!summary.stopped || summary.stopped === 'cancelled') return;
  const text = vscode.l10n.t(
    'NiamonX {0}: the bulk run stopped after {1} answers. {2}',
    tool.label,
    summary.counts.answered + summary.counts.cached,
    summary.stopMessage ?? '',
  );
  if (summary.stopped === 'daily-limit' && sample) {
    const tryNow = vscode.l10n.t('Try Now');
    void vscode.window.showWarningMessage(text, tryNow).then((choice) => {
      if (choice === tryNow) void vscode.commands.executeCommand(CommandId.TryNow, { tool: tool.name, input: sample });
    });
    return;
  }
  const setKey = vscode.l10n.t('Set API Key');
  void vscode.window.showErrorMessage(text, ...(summary.stopped === 'auth' ? [setKey] : [])).then((choice) => {
    if (choice === setKey) void vscode.commands.executeCommand(CommandId.SetApiKey);
  });
}
