import * as vscode from 'vscode';
import { recordFromSavedState } from '../../core/render/webviewMessages';
import type { ResultRecord } from '../../core/results/resultRecord';
import { ResultPanel, panelTitle } from './resultPanel';
import type { ResultPanelActions } from './resultPanelActions';
import { newNonce, resultPageHtml } from './webviewHtml';

export type { ResultPanelActions } from './resultPanelActions';

/** The results panels: one per tool and input (or one per run), restored after a reload. */
const PAGE_LOAD_GRACE_MS = 2_000;
const MAX_PAGE_RELOADS = 4;

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
    const panel = vscode.window.createWebviewPanel(
      ResultPanels.viewType,
      panelTitle(record),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Not retained when hidden: the page saves its state and asks again ("ready") when shown.
      { ...this.webviewOptions(), retainContextWhenHidden: false, enableFindWidget: true },
    );
    this.adopt(panel, record);
    return panel;
  }

  /** Restores the panels open before a reload from the record each page saved. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ResultPanels.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const record = recordFromSavedState(state);
        if (!record) {
          panel.dispose();
          return;
        }
        panel.webview.options = this.webviewOptions();
        this.adopt(panel, record);
      },
    });
  }

  dispose(): void {
    for (const panel of [...this.panels.keys()]) panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, record: ResultRecord): void {
    panel.iconPath = vscode.Uri.joinPath(this.mediaUri, 'niamonx.svg');
    panel.webview.html = this.pageHtml(panel.webview);
    const openLink = (url: string) => void vscode.env.openExternal(vscode.Uri.parse(url, true));
    this.panels.set(panel, new ResultPanel(panel, record, this.actions, openLink, () => this.panels.delete(panel)));
    this.reloadIfSilent(panel);
  }

  /**
   * VS Code in the browser can fail to serve a restored webview's script right after a window
   * reload (its resource loader is not ready yet), leaving the page at "Loading…". A visible page
   * that has not asked for its result in time is loaded again, a few times at most.
   */
  private reloadIfSilent(panel: vscode.WebviewPanel, attempt = 1): void {
    if (attempt > MAX_PAGE_RELOADS) return;
    const timer = setTimeout(() => {
      const open = this.panels.get(panel);
      if (!open || open.isPageLoaded) return;
      if (panel.visible) panel.webview.html = this.pageHtml(panel.webview);
      this.reloadIfSilent(panel, attempt + 1);
    }, PAGE_LOAD_GRACE_MS * attempt);
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
    });
  }
}
