import * as vscode from 'vscode';
import type { ToolDefinition } from '../core/catalog/toolDefinition';
import { ToolCallError } from '../core/errors';
import { resolveInput } from '../core/run/inputResolver';

const PLACEHOLDERS: Record<ToolDefinition['inputKind'], string> = {
  ip: 'An IPv4 or IPv6 address, e.g. 1.1.1.1',
  email: 'An email address, e.g. someone@example.com',
  domain: 'A domain, e.g. example.com',
  username: 'A user name',
  phone: 'A phone number',
  text: 'The value to look up',
};

/** Asks for the tool's input, validated as the user types so no call is spent on bad input. */
export async function askForInput(tool: ToolDefinition, initial = ''): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: `NiamonX: ${tool.label}`,
    prompt: tool.description,
    placeHolder: PLACEHOLDERS[tool.inputKind],
    value: initial,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text.trim()) return undefined;
      try {
        resolveInput(tool.name, tool, text);
        return undefined;
      } catch (error) {
        return error instanceof ToolCallError ? error.message : String(error);
      }
    },
  });
  return value?.trim() ? value.trim() : undefined;
}
