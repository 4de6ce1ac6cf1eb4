import * as vscode from 'vscode';
import { inputKindText } from '../../core/indicators/inputKindText';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import type { InputKind } from '../../core/catalog/toolDefinition';
import type { Services } from '../services';

interface ToolItem extends vscode.QuickPickItem {
  tool?: ToolDefinition;
}

/**
 * A QuickPick of the catalog's tools. Tools that take `kind` come first (or are the only
 * ones, with `onlyMatching`), so the likely choice is one Enter away.
 */
export async function pickTool(
  services: Services,
  kind: InputKind | undefined,
  onlyMatching = false,
  title = vscode.l10n.t('NiamonX: Run Tool'),
): Promise<ToolDefinition | undefined> {
  const tools = services.catalog().tools;
  const matching = kind ? tools.filter((tool) => tool.acceptedKinds.includes(kind)) : [];
  const others = tools.filter((tool) => !matching.includes(tool));
  const toItem = (tool: ToolDefinition): ToolItem => ({
    label: tool.label,
    description: `${tool.name} · ${tool.category}`,
    detail: vscode.l10n.t('{0} (takes {1})', tool.description, inputKindText(tool.inputKind, vscode.l10n.t)),
    tool,
  });
  const items: ToolItem[] = [];
  if (matching.length) {
    items.push({ label: vscode.l10n.t('Takes {0}', kind ?? ''), kind: vscode.QuickPickItemKind.Separator }, ...matching.map(toItem));
  }
  if (!onlyMatching && others.length) {
    if (matching.length) items.push({ label: vscode.l10n.t('Other tools'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...others.map(toItem));
  }
  if (!items.some((item) => item.tool)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('NiamonX: no tool takes {0}. Add one with the niamonx.tools setting.', kind ?? vscode.l10n.t('this input')),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Pick a tool'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.tool;
}
