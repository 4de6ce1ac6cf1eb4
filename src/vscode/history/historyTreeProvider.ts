import * as vscode from 'vscode';
import { errorKindText } from '../../core/errorKindText';
import { shownMessage } from '../../core/errors';
import type { HistoryStore } from '../../core/history/historyStore';
import type { ResultRecord } from '../../core/record/resultRecord';
import { CommandId } from '../commands/commandIds';

/** The sidebar "Results" list: recent runs, newest first; a click reopens the result. */
export class HistoryTreeProvider implements vscode.TreeDataProvider<ResultRecord>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: HistoryStore) {
    this.subscription = history.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(record?: ResultRecord): ResultRecord[] {
    return record ? [] : this.history.list();
  }

  getTreeItem(record: ResultRecord): vscode.TreeItem {
    const item = new vscode.TreeItem(`${record.toolLabel ?? record.tool}: ${record.input}`);
    item.id = `result:${record.id}`;
    const when = new Date(record.startedAt);
    item.description = [
      when.toLocaleTimeString(vscode.env.language),
      record.cached ? vscode.l10n.t('cached') : '',
      record.origin === 'agent' ? vscode.l10n.t('by AI agent') : '',
      record.ok || !record.error ? '' : errorKindText(record.error.kind, vscode.l10n.t),
    ]
      .filter(Boolean)
      .join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(vscode.l10n.t('{0} on {1}', record.tool, record.input) + `\n${when.toLocaleString(vscode.env.language)}`);
    tooltip.appendText(
      record.ok
        ? `\n${vscode.l10n.t('OK (HTTP {0}) in {1} ms', record.status ?? 200, record.durationMs ?? 0)}`
        : `\n${record.error ? shownMessage(record.error, vscode.l10n.t) : vscode.l10n.t('failed')}`,
    );
    item.tooltip = tooltip;
    item.iconPath = record.ok
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    item.contextValue = 'result';
    item.command = { command: CommandId.HistoryOpen, title: vscode.l10n.t('Open Result'), arguments: [record] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
