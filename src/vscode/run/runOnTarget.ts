import * as vscode from 'vscode';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import type { ToolRun } from '../../core/errors';
import { askForInput } from './askForInput';
import type { Services } from '../services';
import { targetFromEditor } from '../editor/targetFromEditor';

/**
 * Runs `tool` on what the user points at: an explicit input, else the editor's selection
 * or the target under the cursor when the tool takes that kind, else an input box.
 * Resolves undefined when the user dismissed the input box.
 */
export async function runOnTarget(services: Services, tool: ToolDefinition, explicitInput?: string): Promise<ToolRun | undefined> {
  let input = explicitInput?.trim();
  if (!input) {
    const target = targetFromEditor();
    if (target && tool.acceptedKinds.includes(target.inputKind)) input = target.value;
    else if (target && !vscode.window.activeTextEditor?.selection.isEmpty) {
      // A selection that is not the tool's kind: let the run report it clearly, selection untouched.
      input = target.raw;
    }
  }
  input ??= await askForInput(tool);
  if (!input) return undefined;
  return services.runs.run({ tool: tool.name, input, interactive: true });
}
