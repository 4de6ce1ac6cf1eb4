import * as vscode from 'vscode';
import { openLink } from './openLink';
import { recordFromSavedState } from '../../core/render/webviewMessages';
import type { ResultRecord } from '../../core/record/resultRecord';
import { ResultPanel, panelTitle } from './resultPanel';
import type { ResultPanelActions } from './panelActionsContract';
import { newNonce, resultPageHtml } from './webviewHtml';
import { webviewStrings } from './webviewStrings';

export type { ResultPanelActions } from './panelActionsContract';

/** How long a visible page may take to ask for its result before its panel is opened afresh. */
const PAGE_LOAD_GRACE_MS = 5_000;
const MAX_REOPENS = 3;

/** The results panels: one per tool and input (or one per run), restored after a reload. */
export class ResultPanels implements vscode.Disposable {
  static readonly viewType = 'niamonx.result';

  private readonly panels = new Map<vscode.WebviewPanel, ResultPanel>();
  /** For tests: every open panel and what it shows. */
  readonly openPanels: ReadonlyMap<vscode.WebviewPanel, ResultPanel> = this.panels;
  private readonly mediaUri: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly actions: ResultPanelActions,
    private readonly options: { reusePanels: () => boolean },
  ) {
    this.mediaUri = vscode.Uri.joinPath(extensionUri, 'media');
  }

  show(record: ResultRecord): vscode.WebviewPanel {
    const reusable = this.options.reusePanels()
      ? [...this.panels.values()].find((open) => open.record.tool === record.tool && open.record.input === record.input)
      : undefined;
    if (reusable) {
      reusable.show(record);
      reusable.panel.reveal(undefined, true);
      return reusable.panel;
    }
    return this.open(record, vscode.ViewColumn.Beside);
  }

  /** `reopens` is set only for a panel that replaces a silent restored one: it is watched in turn. */
  private open(record: ResultRecord, viewColumn: vscode.ViewColumn, reopens?: number): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      ResultPanels.viewType,
      panelTitle(record),
      { viewColumn, preserveFocus: true },
      // Not retained when hidden: the page saves its state and asks again ("ready") when shown.
      { ...this.webviewOptions(), retainContextWhenHidden: false, enableFindWidget: true },
    );
    this.adopt(panel, record, reopens);
    return panel;
  }

  /** Restores the panels open before a reload from the record each page saved. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ResultPanels.viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        const record = recordFromSavedState(state);
        if (record) {
          panel.webview.options = this.webviewOptions();
          this.adopt(panel, record, 0);
        } else {
          panel.dispose();
        }
        return Promise.resolve();
      },
    });
  }

  dispose(): void {
    for (const panel of [...this.panels.keys()]) panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, record: ResultRecord, reopens?: number): void {
    // Tab icons are images: a currentColor SVG would be black on dark themes, so one per theme kind.
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.mediaUri, 'niamonx-light.svg'),
      dark: vscode.Uri.joinPath(this.mediaUri, 'niamonx-dark.svg'),
    };
    panel.webview.html = this.pageHtml(panel.webview);
    this.panels.set(panel, new ResultPanel(panel, record, this.actions, openLink, () => this.panels.delete(panel)));
    if (reopens !== undefined) this.reopenIfSilent(panel, reopens);
  }

  /**
   * VS Code in the browser sometimes fails to set up one of several webviews it restores after a
   * window reload: the panel stays blank and its page never runs. A visible page that has not
   * asked for its result in time gets a fresh panel in the same place (three times at most).
   * Only restored panels (and their replacements) are watched: new ones have not shown the problem.
   */
  private reopenIfSilent(panel: vscode.WebviewPanel, reopens: number): void {
    if (reopens >= MAX_REOPENS) return;
    const timer = setTimeout(() => {
      const open = this.panels.get(panel);
      if (!open || open.isPageLoaded || !panel.visible) return;
      const column = panel.viewColumn ?? vscode.ViewColumn.Active;
      const record = open.record;
      panel.dispose();
      this.open(record, column, reopens + 1);
    }, PAGE_LOAD_GRACE_MS);
    panel.onDidDispose(() => clearTimeout(timer));
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [this.mediaUri] };
  }

  private pageHtml(webview: vscode.Webview): string {
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaUri, ...path)).toString();
    return resultPageHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: uri('dist', 'results.js'),
      styleUri: uri('results.css'),
      codiconUri: uri('dist', 'codicons', 'codicon.css'),
      strings: webviewStrings(),
      lang: vscode.env.language,
    });
  }
}
