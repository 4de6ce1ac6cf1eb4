import * as vscode from 'vscode';
import type { ToolRun } from '../../core/errors';
import { pickTool } from './pickTool';
import type { Services } from '../services';
import { targetFromEditor } from '../editor/targetFromEditor';

/** Editor context menu: tools that accept what is selected (or under the cursor), run on it. */
export async function runToolOnSelection(services: Services): Promise<ToolRun | undefined> {
  const target = targetFromEditor();
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('NiamonX: select an IP, email, domain or text first, or put the cursor on one.'));
    return undefined;
  }
  const tool = await pickTool(services, target.inputKind, true, vscode.l10n.t('NiamonX: Run Tool on {0}', target.value));
  if (!tool) return undefined;
  return services.runs.run({ tool: tool.name, input: target.value, interactive: true });
}
