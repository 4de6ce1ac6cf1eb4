// Types only from 'vscode': this class runs against a fake panel in the unit tests.
import type * as vscode from 'vscode';
import { buildRenderModel } from '../../core/render/renderModel';
import { statsAllInSummary, summarise } from '../../core/render/summary';
import { parseWebviewMessage, recordForWebview, type ShowMessage } from '../../core/render/webviewMessages';
import type { ResultRecord } from '../../core/record/resultRecord';
import type { ResultPanelActions } from './panelActionsContract';
import { localizedSummary } from '../../core/render/summaryTexts';
import { plainTranslate, type Translate } from '../../core/translate';
import { shownMessage } from '../../core/errors';
import { localizedBulkData } from '../../core/bulk/bulkDisplay';

export const NOT_IN_MEMORY_NOTICE =
  'The original values are no longer in memory (they are never saved). Run the tool again to reveal them.';

const MAX_TITLE_INPUT = 40;

/** "Ping: 1.1.1.1"; long inputs (JSON bodies) are shortened to one line. */
export function panelTitle(record: ResultRecord): string {
  const input = record.input.replace(/\s+/g, ' ').trim();
  const shortInput = input.length > MAX_TITLE_INPUT ? `${input.slice(0, MAX_TITLE_INPUT - 1)}…` : input;
  return `${record.toolLabel ?? record.tool}: ${shortInput}`;
}

export function canReveal(record: ResultRecord): boolean {
  return (record.redactedCount ?? 0) > 0;
}

/**
 * One results panel: the record it shows, whether masked values are revealed, and the handling
 * of its webview's messages (each validated; anything else is ignored).
 */
export class ResultPanel {
  private revealed = false;
  private pageLoaded = false;
  private notice: string | undefined;
  private confirming = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private current: ResultRecord,
    private readonly actions: ResultPanelActions,
    private readonly openLink: (url: string) => void,
    onDisposed: () => void,
  ) {
    panel.title = panelTitle(current);
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handle(raw)),
      panel.onDidDispose(() => {
        for (const subscription of this.subscriptions) subscription.dispose();
        onDisposed();
      }),
    ];
  }

  get record(): ResultRecord {
    return this.current;
  }

  /** The page's script has run and asked for its result at least once. */
  get isPageLoaded(): boolean {
    return this.pageLoaded;
  }

  get isRevealed(): boolean {
    return this.revealed;
  }

  /** Shows a new record (a new run of the same tool and input); masked values are hidden again. */
  show(record: ResultRecord): void {
    this.current = record;
    this.revealed = false;
    this.notice = undefined;
    this.panel.title = panelTitle(record);
    void this.post();
  }

  private async handle(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    const record = this.current;
    switch (message?.type) {
      case 'ready':
        this.pageLoaded = true;
        return void this.post();
      case 'copyJson':
        return this.actions.copyJson(record, this.revealed);
      case 'export':
        return this.actions.exportRecord(record, message.format);
      case 'runAgain':
        return this.actions.runAgain(record);
      case 'openInEditor':
        return this.actions.openInEditor(record, this.revealed);
      case 'openLink':
        return this.openLink(message.url);
      case 'toggleReveal':
        return this.toggleReveal();
      default:
        return; // not a message this panel honours
    }
  }

  private async toggleReveal(): Promise<void> {
    if (this.revealed) {
      this.revealed = false;
      this.notice = undefined;
      return void this.post();
    }
    if (!canReveal(this.current) || this.confirming) return;
    const record = this.current;
    this.confirming = true;
    let confirmed: boolean;
    try {
      confirmed = await this.actions.confirmReveal();
    } finally {
      this.confirming = false;
    }
    if (!confirmed || record !== this.current) return;
    const available = this.actions.unredactedData(record) !== undefined;
    this.revealed = available;
    this.notice = available ? undefined : NOT_IN_MEMORY_NOTICE;
    await this.post();
  }

  private post(): Thenable<boolean> {
    return this.panel.webview.postMessage(this.message());
  }

  /** What the webview is sent: the model of the masked data, or of the original when revealed
   *  (a reveal whose original has left memory since is dropped, with a notice). */
  message(): ShowMessage {
    const record = this.current;
    let data = record.data;
    if (this.revealed) {
      const original = this.actions.unredactedData(record);
      if (original === undefined) {
        this.revealed = false;
        this.notice = NOT_IN_MEMORY_NOTICE;
      } else {
        data = original;
      }
    }
    const translate = this.actions.translate ?? plainTranslate;
    const message: ShowMessage = {
      type: 'show',
      record: withErrorShown(recordForWebview(record), translate),
      // A bulk run's table is ours: its columns, statuses and reasons in the user's language.
      model: buildRenderModel(
        record.bulk ? localizedBulkData(withoutCounts(data), translate) : statsAllInSummary(record.tool, data) ? withoutCounts(data) : data,
      ),
      summary: localizedSummary(summarise(record.tool, data), translate, record.bulk !== undefined),
      revealed: this.revealed,
      canReveal: canReveal(record),
    };
    if (this.notice) message.notice = this.notice;
    return message;
  }
}

/** A failure we described is shown in the user's language; what the server wrote stays as written. */
function withErrorShown(record: ResultRecord, translate: Translate): ResultRecord {
  if (!record.error?.text) return record;
  return { ...record, error: { ...record.error, message: shownMessage(record.error, translate) } };
}

/** Counts shown in the summary above the table (a bulk run's, or all of a tool's stats) are not shown again in it. */
function withoutCounts(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('stats' in data)) return data;
  const rest: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  delete rest.stats;
  return rest;
}
