import * as vscode from 'vscode';
import type { ToolCatalog } from '../core/catalog/catalog';
import type { ToolRun } from '../core/errors';
import type { HistoryStore } from '../core/history/historyStore';
import type { ResultRecord } from '../core/results/resultRecord';
import { redact } from '../core/results/redact';
import type { RunOutcome, ToolRunner } from '../core/run/toolRunner';
import { currentSettings } from './config';
import { notifyError } from './notifyError';
import type { OutputLog } from './outputLog';

export interface RunOptions {
  tool: string;
  input: string | object;
  /** Skip the cache: the user explicitly asked to run again. */
  fresh?: boolean;
  /** Open the results panel / notifications (false for runs through the public API). */
  interactive: boolean;
  signal?: AbortSignal;
}

/** Keeps this many unredacted answers in memory for "Reveal"; never persisted. */
const REVEALABLE = 50;

/**
 * Runs a tool with progress and cancellation, then puts the result where the user wants it:
 * the log line, the history, the results panel, or an error notification.
 */
export class RunController {
  private readonly unredacted = new Map<string, unknown>();
  private sequence = 0;
  private showRecord: (record: ResultRecord) => void = () => undefined;

  constructor(
    private readonly runner: ToolRunner,
    private readonly catalog: () => ToolCatalog,
    private readonly history: HistoryStore,
    private readonly output: OutputLog,
  ) {}

  /** The results panel registers itself here (it is created after this controller). */
  setPresenter(show: (record: ResultRecord) => void): void {
    this.showRecord = show;
  }

  /** Shows a record in the results panel (history reopens results this way). */
  show(record: ResultRecord): void {
    this.showRecord(record);
  }

  unredactedData(id: string): unknown {
    return this.unredacted.get(id);
  }

  async run(options: RunOptions): Promise<ToolRun> {
    const label = this.catalog().find(options.tool)?.label ?? options.tool;
    const outcome = options.interactive
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('NiamonX {0}', label), cancellable: true },
          (progress, token) => {
            progress.report({ message: typeof options.input === 'string' ? options.input : undefined });
            const controller = new AbortController();
            const subscription = token.onCancellationRequested(() => controller.abort());
            return this.runner.run({ tool: options.tool, input: options.input, fresh: options.fresh, signal: controller.signal }).finally(() => subscription.dispose());
          },
        )
      : await this.runner.run({ tool: options.tool, input: options.input, fresh: options.fresh, signal: options.signal });
    await this.present(outcome, label, options.interactive);
    return outcome.run;
  }

  private async present(outcome: RunOutcome, label: string, interactive: boolean): Promise<void> {
    const { run } = outcome;
    const settings = currentSettings();
    const record = this.toRecord(outcome, label, settings.redactSensitiveFields);
    this.output.logRecord(record, settings.resultView !== 'webview');
    if (belongsInHistory(run)) await this.history.add(record);
    if (!interactive) return;
    if (!run.ok) {
      notifyError(run.error, label);
      return;
    }
    if (settings.resultView !== 'output') this.showRecord(record);
    else this.output.show();
  }

  private toRecord(outcome: RunOutcome, label: string, redactOn: boolean): ResultRecord {
    const { run } = outcome;
    const id = `${outcome.startedAt.toString(36)}-${(this.sequence++).toString(36)}`;
    const record: ResultRecord = { id, tool: run.tool, toolLabel: label, input: outcome.input, startedAt: outcome.startedAt, ok: run.ok };
    if (run.status !== undefined) record.status = run.status;
    if (run.durationMs !== undefined) record.durationMs = run.durationMs;
    if (!run.ok) {
      record.error = run.error;
      return record;
    }
    if (run.cached) record.cached = true;
    if (redactOn) {
      const masked = redact(run.data);
      record.data = masked.data;
      if (masked.count > 0) {
        record.redactedCount = masked.count;
        this.keepUnredacted(id, run.data);
      }
    } else {
      record.data = run.data;
    }
    return record;
  }

  private keepUnredacted(id: string, data: unknown): void {
    this.unredacted.set(id, data);
    while (this.unredacted.size > REVEALABLE) this.unredacted.delete(this.unredacted.keys().next().value as string);
  }
}

/** Cancelled runs and input refused locally (no request was made) are not results worth keeping. */
function belongsInHistory(run: ToolRun): boolean {
  if (run.ok) return true;
  if (run.error.kind === 'cancelled') return false;
  return !(run.error.kind === 'validation' && run.status === undefined);
}
