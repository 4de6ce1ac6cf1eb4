import * as vscode from 'vscode';
import type { BulkPlan } from '../../core/bulk/bulkPlan';
import type { BulkSummary } from '../../core/bulk/bulkSummary';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { CommandId } from '../commands/commandIds';

export function notifyNothingToSend(tool: ToolDefinition, sourceLabel: string, plan: BulkPlan): void {
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'NiamonX: nothing to send for {0} in {1} ({2} found, {3} skipped).',
      tool.label,
      sourceLabel,
      plan.found,
      plan.skipped.length,
    ),
  );
}

/** A run that stopped early says why, with the next step (Try Now for a daily limit). */
export function notifyStop(tool: ToolDefinition, summary: BulkSummary): void {
  if (!summary.stopped || summary.stopped === 'cancelled') return;
  const text = vscode.l10n.t(
    'NiamonX {0}: the bulk run stopped after {1} answers. {2}',
    tool.label,
    summary.counts.answered + summary.counts.cached,
    summary.stopMessage ?? '',
  );
  const sample = summary.rows.find((row) => row.status === 'not-run')?.sent;
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
