import * as vscode from 'vscode';
import type { HeldAnswers } from '../../core/verdicts/heldAnswers';
import { lineVerdicts, type InlineVerdict } from './visibleIndicators';

/** Quiet time after scrolling (or typing) before the visible lines are decorated again. */
export const INLINE_UPDATE_DELAY_MS = 150;

/** One line's decoration as set (tests read these through the internals). */
export interface ShownVerdict {
  line: number;
  character: number;
  value: string;
  text: string;
}

/**
 * After each answered indicator in the visible editors: the verdict of the answer already held
 * for it, at most one per line (`+2 more` when a line holds several). Only held answers are
 * read, never a call; only the visible lines are scanned, after scrolling stops.
 */
export class InlineVerdicts implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 1.5em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What each visible document shows, by URI. */
  readonly shown = new Map<string, ShownVerdict[]>();
  /** Updates done (tests wait for the next one). */
  updates = 0;

  constructor(
    private readonly held: HeldAnswers,
    private readonly enabled: () => boolean,
    private readonly toolLabel: (tool: string) => string,
  ) {
    this.subscriptions.push(
      held.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('niamonx.inline.enabled')) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  /** Decorates again once things are quiet for `delay` ms; a burst of events costs one update. */
  schedule(delay = INLINE_UPDATE_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, delay);
  }

  /** Decorates every visible editor now. */
  update(): void {
    this.shown.clear();
    const on = this.enabled() && !this.held.isEmpty;
    for (const editor of vscode.window.visibleTextEditors) {
      const verdicts = on ? this.verdictsOf(editor) : [];
      if (verdicts.length > 0) this.shown.set(editor.document.uri.toString(), verdicts);
      editor.setDecorations(
        this.type,
        verdicts.map((verdict) => ({
          range: new vscode.Range(verdict.line, verdict.character, verdict.line, verdict.character),
          renderOptions: { after: { contentText: verdict.text } },
        })),
      );
    }
    this.updates++;
  }

  private verdictsOf(editor: vscode.TextEditor): ShownVerdict[] {
    return lineVerdicts(editor, this.held).map((verdict) => ({
      line: verdict.line,
      character: verdict.character,
      value: verdict.value,
      text: this.textOf(verdict),
    }));
  }

  private textOf({ answer, more }: InlineVerdict): string {
    const finding = answer.findings.length > 0 ? '⚠ ' : '';
    const tail = more > 0 ? ` ${vscode.l10n.t('(+{0} more)', more)}` : '';
    return `${finding}${this.toolLabel(answer.tool)}: ${answer.verdict}${tail}`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.type.dispose();
  }
}
