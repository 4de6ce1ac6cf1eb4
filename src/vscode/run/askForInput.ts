import * as vscode from 'vscode';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { shownMessage, ToolCallError } from '../../core/errors';
import { resolveInput } from '../../core/run/inputResolver';

/** A function, so the placeholders follow VS Code's display language. */
const placeholders = (): Record<ToolDefinition['inputKind'], string> => ({
  ip: vscode.l10n.t('An IPv4 or IPv6 address, e.g. 1.1.1.1'),
  email: vscode.l10n.t('An email address, e.g. someone@example.com'),
  domain: vscode.l10n.t('A domain, e.g. example.com'),
  username: vscode.l10n.t('A user name'),
  phone: vscode.l10n.t('A phone number'),
  text: vscode.l10n.t('The value to look up'),
});

/** Asks for the tool's input, validated as the user types so no call is spent on bad input. */
export async function askForInput(tool: ToolDefinition, initial = ''): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('NiamonX: {0}', tool.label),
    prompt: tool.description,
    placeHolder: placeholders()[tool.inputKind],
    value: initial,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text.trim()) return undefined;
      try {
        resolveInput(tool.name, tool, text);
        return undefined;
      } catch (error) {
        // Our own words in the user's language.
        return error instanceof ToolCallError ? shownMessage(error, vscode.l10n.t) : String(error);
      }
    },
  });
  return value?.trim() ? value.trim() : undefined;
}
