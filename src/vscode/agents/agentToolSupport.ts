import * as vscode from 'vscode';
import type { PreparedMessages, Translate } from '../../core/agent/confirmation';
import { modelText } from '../../core/agent/modelText';
import { currentSettings } from '../settings/config';

/** Translates the core's model-facing and confirmation texts with the extension's bundles. */
export const translate: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** A language-model result: one text part, redacted and capped for the model, its data marked as data. */
export function textResult(summary: string, data: unknown, secrets: string[], facts?: string): vscode.LanguageModelToolResult {
  const { text } = modelText(summary, data, { maxChars: currentSettings().aiMaxResultChars, secrets, facts });
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/**
 * The prepared invocation VS Code shows. The confirmation text is plain: the input comes from a
 * model, so it is appended as text and cannot smuggle markdown (links, images) into the dialog.
 */
export function preparedInvocation(messages: PreparedMessages): vscode.PreparedToolInvocation {
  const prepared: vscode.PreparedToolInvocation = { invocationMessage: messages.invocationMessage };
  if (messages.confirmation) {
    prepared.confirmationMessages = {
      title: messages.confirmation.title,
      message: new vscode.MarkdownString().appendText(messages.confirmation.message),
    };
  }
  return prepared;
}
