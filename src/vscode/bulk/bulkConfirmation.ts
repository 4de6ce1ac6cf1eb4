import * as vscode from 'vscode';
import { localizedSkipReason } from '../../core/bulk/bulkDisplay';
import type { BulkPlan } from '../../core/bulk/bulkPlan';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import type { UsageToday } from '../../core/run/usageMeter';

export interface PlannedCalls {
  tool: ToolDefinition;
  sourceLabel: string;
  plan: BulkPlan;
  /** One line: targets, cached, skipped, left for Run Again. */
  planText: string;
  calls: number;
  /** How long the calls will take, if the tool's cooldown is known. */
  estimateMs: number | undefined;
  usage: UsageToday;
}

/** Asks before many calls are made (a modal with the plan); true when the user agreed. */
export async function confirmCalls(planned: PlannedCalls): Promise<boolean> {
  const time =
    planned.estimateMs === undefined
      ? vscode.l10n.t('time unknown until the tool announces its cooldown')
      : vscode.l10n.t('about {0} s', Math.ceil(planned.estimateMs / 1000));
  const go = vscode.l10n.t('Make {0} Calls', planned.calls);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Run {0} on {1}?', planned.tool.label, planned.sourceLabel),
    { modal: true, detail: confirmationDetail(planned, time) },
    go,
  );
  return choice === go;
}

/** The plan in the confirmation: what is sent, what is not and why, the time, and today's calls so far. */
function confirmationDetail({ planText, calls, plan, usage }: PlannedCalls, time: string): string {
  const lines = [vscode.l10n.t('{0}. {1} API calls will be made ({2}).', planText, calls, time)];
  const reasons = new Map<string, number>();
  for (const skipped of plan.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    lines.push(vscode.l10n.t('Skipped {0}: {1}', count, localizedSkipReason(reason, vscode.l10n.t)));
  }
  lines.push(vscode.l10n.t('The most frequent targets go first. Calls made today: {0}.', usage.total));
  if (usage.remaining !== undefined) lines.push(vscode.l10n.t('Daily quota left, as the API last reported it: {0}.', usage.remaining));
  return lines.join('\n');
}
