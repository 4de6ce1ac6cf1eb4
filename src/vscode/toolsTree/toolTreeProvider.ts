import * as vscode from 'vscode';
import { realClock, type Clock } from '../../core/clock';
import type { ToolCatalog } from '../../core/catalog/catalog';
import type { InvalidToolEntry, ToolDefinition } from '../../core/catalog/toolDefinition';
import { secondsUntil, type ToolState, type ToolStateTracker } from '../../core/catalog/toolState';
import { inputKindText } from '../../core/indicators/inputKindText';
import { shownMessage } from '../../core/errors';
import { CommandId } from '../commands/commandIds';

export type ToolTreeNode =
  | { type: 'category'; name: string; tools: ToolDefinition[] }
  | { type: 'tool'; tool: ToolDefinition }
  | { type: 'invalid-group'; entries: InvalidToolEntry[] }
  | { type: 'invalid'; entry: InvalidToolEntry };

/** The sidebar "Tools" tree: categories, their tools with live state, and invalid user entries. */
export class ToolTreeProvider implements vscode.TreeDataProvider<ToolTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ToolTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly catalog: () => ToolCatalog,
    private readonly states: ToolStateTracker,
    /** Without a key the tree stays empty so VS Code shows the welcome view (Set API Key, Try the Emulator). */
    private readonly hasKey: () => boolean,
    private readonly clock: Clock = realClock,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
    this.scheduleCountdown();
  }

  getChildren(node?: ToolTreeNode): ToolTreeNode[] {
    if (!node) {
      if (!this.hasKey()) return [];
      const { tools, invalid } = this.catalog();
      const categories = new Map<string, ToolDefinition[]>();
      for (const tool of tools) categories.set(tool.category, [...(categories.get(tool.category) ?? []), tool]);
      const nodes: ToolTreeNode[] = [...categories].map(([name, list]) => ({ type: 'category', name, tools: list }));
      if (invalid.length) nodes.push({ type: 'invalid-group', entries: invalid });
      return nodes;
    }
    if (node.type === 'category') return node.tools.map((tool) => ({ type: 'tool', tool }));
    if (node.type === 'invalid-group') return node.entries.map((entry) => ({ type: 'invalid', entry }));
    return [];
  }

  getTreeItem(node: ToolTreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'category': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `category:${node.name}`;
        item.iconPath = new vscode.ThemeIcon('folder-library');
        return item;
      }
      case 'tool':
        return this.toolItem(node.tool);
      case 'invalid-group': {
        const item = new vscode.TreeItem(vscode.l10n.t('Invalid tools in niamonx.tools'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'invalid-group';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'invalid': {
        const item = new vscode.TreeItem(node.entry.name ?? vscode.l10n.t('entry {0}', node.entry.index + 1));
        item.id = `invalid:${node.entry.index}`;
        item.description = node.entry.reason;
        item.tooltip = vscode.l10n.t('Not usable, never sent: {0}', node.entry.reason);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.contextValue = 'invalidTool';
        return item;
      }
    }
  }

  private toolItem(tool: ToolDefinition): vscode.TreeItem {
    const state = this.states.stateOf(tool.name);
    const item = new vscode.TreeItem(tool.label);
    item.id = `tool:${tool.name}`;
    item.description = [inputKindText(tool.inputKind, vscode.l10n.t), stateText(state, this.clock.now())].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMd(tool.label)}** \`${tool.name}\`\n\n`);
    tooltip.appendText(tool.description);
    const origin = tool.source === 'user' ? vscode.l10n.t('from niamonx.tools') : vscode.l10n.t('built in');
    tooltip
      .appendMarkdown('\n\n')
      .appendText(
        vscode.l10n.t('Takes: {0} · {1}', tool.acceptedKinds.map((kind) => inputKindText(kind, vscode.l10n.t)).join(', '), origin),
      );
    if ('message' in state && state.message) tooltip.appendMarkdown('\n\n').appendText(shownMessage(state, vscode.l10n.t));
    item.tooltip = tooltip;
    item.iconPath = stateIcon(state);
    // A daily lock gets its own value so the menu can offer Try Now on it.
    item.contextValue = state.kind === 'cooling-down' && state.daily ? 'tool.cooling-down.daily' : `tool.${state.kind}`;
    item.command = { command: CommandId.TreeRunTool, title: vscode.l10n.t('Run'), arguments: [{ type: 'tool', tool }] };
    return item;
  }

  /** While a tool cools down, refresh once a second so the countdown stays true. */
  private scheduleCountdown(): void {
    if (this.ticker) return;
    const coolingDown = () => this.catalog().tools.some((tool) => this.states.stateOf(tool.name).kind === 'cooling-down');
    if (!coolingDown()) return;
    this.ticker = setInterval(() => {
      this.changed.fire(undefined);
      if (!coolingDown()) {
        clearInterval(this.ticker);
        this.ticker = undefined;
      }
    }, 1000);
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.changed.dispose();
  }
}

function stateText(state: ToolState, now: number): string {
  switch (state.kind) {
    case 'disabled':
      return vscode.l10n.t('disabled');
    case 'unknown':
      return vscode.l10n.t('unknown to the API');
    case 'cooling-down': {
      const seconds = secondsUntil(state.until, now);
      return state.daily ? vscode.l10n.t('daily limit {0} s', seconds) : vscode.l10n.t('cooling down {0} s', seconds);
    }
    default:
      return '';
  }
}

function stateIcon(state: ToolState): vscode.ThemeIcon {
  switch (state.kind) {
    case 'disabled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'unknown':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'cooling-down':
      return new vscode.ThemeIcon('watch', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'ok':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    default:
      return new vscode.ThemeIcon('tools');
  }
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
