import * as vscode from 'vscode';
import type { ToolDefinition } from '../core/catalog/toolDefinition';
import type { InputKind } from '../core/catalog/toolDefinition';
import type { Services } from './services';

interface ToolItem extends vscode.QuickPickItem {
  tool?: ToolDefinition;
}

/**
 * A QuickPick of the catalog's tools. Tools that take `kind` come first (or are the only
 * ones, with `onlyMatching`), so the likely choice is one Enter away.
 */
export async function pickTool(services: Services, kind: InputKind | undefined, onlyMatching = false, title = 'NiamonX: Run Tool'): Promise<ToolDefinition | undefined> {
  const tools = services.catalog().tools;
  const matching = kind ? tools.filter((tool) => tool.acceptedKinds.includes(kind)) : [];
  const others = tools.filter((tool) => !matching.includes(tool));
  const toItem = (tool: ToolDefinition): ToolItem => ({
    label: tool.label,
    description: `${tool.name} · ${tool.category}`,
    detail: `${tool.description} (takes ${tool.inputKind})`,
    tool,
  });
  const items: ToolItem[] = [];
  if (matching.length) {
    items.push({ label: `Takes ${kind}`, kind: vscode.QuickPickItemKind.Separator }, ...matching.map(toItem));
  }
  if (!onlyMatching && others.length) {
    if (matching.length) items.push({ label: 'Other tools', kind: vscode.QuickPickItemKind.Separator });
    items.push(...others.map(toItem));
  }
  if (!items.some((item) => item.tool)) {
    void vscode.window.showWarningMessage(`NiamonX: no tool takes ${kind ?? 'this input'}. Add one with the niamonx.tools setting.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick a tool', matchOnDescription: true, matchOnDetail: true });
  return picked?.tool;
}
