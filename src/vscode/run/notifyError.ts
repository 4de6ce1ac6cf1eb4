import * as vscode from 'vscode';
import type { ToolError } from '../../core/errors';
import { renderText } from '../../core/localText';
import { CommandId } from '../commands/commandIds';
import { openSettings } from '../settings/config';

/** What the user can do next about each kind of failure. */
const nextSteps = (): Partial<Record<ToolError['kind'], { label: string; run: () => Thenable<unknown> }>> => ({
  auth: { label: vscode.l10n.t('Set API Key'), run: () => vscode.commands.executeCommand(CommandId.SetApiKey) },
  config: { label: vscode.l10n.t('Open Settings'), run: () => openSettings('niamonx.apiBaseUrl') },
  'unknown-tool': { label: vscode.l10n.t('Open Settings'), run: () => openSettings() },
  method: { label: vscode.l10n.t('Open Settings'), run: () => openSettings('niamonx.apiBaseUrl') },
  network: { label: vscode.l10n.t('Open Settings'), run: () => openSettings('niamonx.apiBaseUrl') },
  timeout: { label: vscode.l10n.t('Open Settings'), run: () => openSettings('niamonx.requestTimeoutSeconds') },
  'bad-response': { label: vscode.l10n.t('Show Output'), run: () => vscode.commands.executeCommand(CommandId.ShowOutput) },
});

/**
 * Shows a failure without blocking the caller (a command must not wait for the user to
 * dismiss a notification). Cancellation is the user's own doing and stays quiet.
 */
export function notifyError(error: ToolError, toolLabel: string, call?: { tool: string; input: string }): void {
  if (error.kind === 'cancelled') return;
  // Our own texts in the user's language; what the server wrote stays as it was written.
  const detail = error.text ? renderText(error.text, vscode.l10n.t) : error.message;
  const text = vscode.l10n.t('NiamonX {0}: {1}', toolLabel, detail);
  const steps = error.kind === 'never-send' ? neverSendSteps(call) : [error.daily && call ? tryNowStep(call) : nextSteps()[error.kind]];
  const next = steps.filter((step) => step !== undefined);
  const show =
    error.kind === 'rate-limit' || error.kind === 'validation' || error.kind === 'never-send'
      ? vscode.window.showWarningMessage
      : vscode.window.showErrorMessage;
  void show(text, ...next.map((step) => step.label)).then((choice) => {
    void next.find((step) => step.label === choice)?.run();
  });
}

/** A value the gate refused: the list to change, or the explicit one-time way past it (which asks again). */
function neverSendSteps(call: { tool: string; input: string } | undefined): Array<{ label: string; run: () => Thenable<unknown> }> {
  const steps = [{ label: vscode.l10n.t('Open Setting'), run: () => openSettings('niamonx.neverSend') }];
  if (call) {
    steps.push({
      label: vscode.l10n.t('Send Despite…'),
      run: () => vscode.commands.executeCommand(CommandId.SendDespiteNeverSend, call),
    });
  }
  return steps;
}

/** The daily lock's way out: one real call that lifts the lock if the quota is back (e.g. after an upgrade). */
function tryNowStep(call: { tool: string; input: string }): { label: string; run: () => Thenable<unknown> } {
  return { label: vscode.l10n.t('Try Now'), run: () => vscode.commands.executeCommand(CommandId.TryNow, call) };
}
