import * as vscode from 'vscode';
import type { ToolCatalog } from '../../core/catalog/catalog';
import type { ToolRun } from '../../core/errors';
import type { HistoryStore } from '../../core/history/historyStore';
import type { ResultRecord, RunOrigin } from '../../core/record/resultRecord';
import { redact } from '../../core/record/redact';
import { maskRequestBody } from '../../core/record/requestBody';
import type { RunOutcome, ToolRunner } from '../../core/run/toolRunner';
import { currentSettings } from '../settings/config';
import { notifyError } from './notifyError';
import type { OutputLog } from '../results/outputLog';
import { withAbort } from './cancellation';

export interface RunOptions {
  tool: string;
  input: string | object;
  /** Skip the cache: the user explicitly asked to run again. */
  fresh?: boolean;
  /** Try Now: one real call despite a local cooldown or daily lock (see ToolRunner). */
  ignoreLocalLock?: boolean;
  /** Send Despite Never-Send List, after the user confirmed (see ToolRunner). */
  sendDespiteNeverSend?: boolean;
  /** Open the results panel / notifications (false for runs through the public API). */
  interactive: boolean;
  signal?: AbortSignal;
  /** Marks the history entry (e.g. 'agent' for language-model tools); absent means the user. */
  origin?: RunOrigin;
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
  private readonly showListeners = new Set<(record: ResultRecord) => void>();

  constructor(
    private readonly runner: ToolRunner,
    private readonly catalog: () => ToolCatalog,
    private readonly history: HistoryStore,
    private readonly output: OutputLog,
  ) {}

  /**
   * A finished interactive run whose result the user wants to see in a panel. The controller
   * does not know the panels: extension.ts connects them, so data flows one way.
   */
  onResultToShow(listener: (record: ResultRecord) => void): { dispose(): void } {
    this.showListeners.add(listener);
    return { dispose: () => this.showListeners.delete(listener) };
  }

  unredactedData(id: string): unknown {
    return this.unredacted.get(id);
  }

  /** Interactive runs in progress by tool and input: a double click joins the first run. */
  private readonly interactiveInFlight = new Map<string, Promise<ToolRun>>();

  run(options: RunOptions): Promise<ToolRun> {
    if (!options.interactive) return this.runOnce(options);
    const key = interactiveKey(options);
    const running = key === undefined ? undefined : this.interactiveInFlight.get(key);
    if (running) return running;
    const started = this.runOnce(options);
    if (key === undefined) return started;
    this.interactiveInFlight.set(key, started);
    return started.finally(() => this.interactiveInFlight.delete(key));
  }

  private async runOnce(options: RunOptions): Promise<ToolRun> {
    const label = this.catalog().find(options.tool)?.label ?? options.tool;
    const outcome = options.interactive
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('NiamonX {0}', label), cancellable: true },
          (progress, token) => {
            progress.report({ message: typeof options.input === 'string' ? options.input : undefined });
            return withAbort(token, (signal) =>
              this.runner.run({
                tool: options.tool,
                input: options.input,
                fresh: options.fresh,
                ignoreLocalLock: options.ignoreLocalLock,
                sendDespiteNeverSend: options.sendDespiteNeverSend,
                signal,
              }),
            );
          },
        )
      : await this.runner.run({
          tool: options.tool,
          input: options.input,
          fresh: options.fresh,
          ignoreLocalLock: options.ignoreLocalLock,
          sendDespiteNeverSend: options.sendDespiteNeverSend,
          signal: options.signal,
        });
    await this.present(outcome, options.input, label, options.interactive, options.origin);
    return outcome.run;
  }

  private async present(
    outcome: RunOutcome,
    input: RunOptions['input'],
    label: string,
    interactive: boolean,
    origin: RunOrigin | undefined,
  ): Promise<void> {
    const { run } = outcome;
    const settings = currentSettings();
    const record = this.toRecord(outcome, requestBodyOf(input), label, settings.redactSensitiveFields);
    if (origin && origin !== 'user') record.origin = origin;
    // The run is done: a failure to log or store it must not turn it into a rejection.
    void this.guard('log', () => this.output.logRecord(record, settings.resultView !== 'webview'));
    if (belongsInHistory(run)) await this.guard('history', () => this.history.add(record));
    if (!interactive) return;
    if (!run.ok) {
      notifyError(run.error, label, { tool: run.tool, input: outcome.input });
      return;
    }
    if (settings.resultView !== 'output') for (const listener of this.showListeners) listener(record);
    else this.output.show();
  }

  private async guard(step: string, work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.output.channel.error(
        step === 'log'
          ? vscode.l10n.t('Could not log a result: {0}', reason)
          : vscode.l10n.t('Could not save a result to the history: {0}', reason),
      );
    }
  }

  private toRecord(outcome: RunOutcome, body: Record<string, unknown> | undefined, label: string, redactOn: boolean): ResultRecord {
    const { run } = outcome;
    const id = `${outcome.startedAt.toString(36)}-${(this.sequence++).toString(36)}`;
    const record: ResultRecord = { id, tool: run.tool, toolLabel: label, input: outcome.input, startedAt: outcome.startedAt, ok: run.ok };
    if (body) Object.assign(record, requestBodyFields(body));
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

/**
 * The same click twice (tree, hover link, panel button) is one run: one API call, one history
 * entry, one panel. "Run Again" (fresh) is keyed apart so it still asks the API.
 */
function interactiveKey(options: RunOptions): string | undefined {
  if (typeof options.input !== 'string') return undefined;
  return JSON.stringify([options.tool, options.input.trim(), !!options.fresh]);
}

/** The body a caller gave ready-made (Run Again must send it again, not its display text). */
function requestBodyOf(input: RunOptions['input']): Record<string, unknown> | undefined {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
}

/**
 * The body as kept in the record: masked where it holds secrets (whatever the answer-masking
 * setting), so no log line, history entry, tree item or export holds them; Run Again then asks
 * for the body again instead of sending the mask.
 */
function requestBodyFields(body: Record<string, unknown>): Pick<ResultRecord, 'requestBody' | 'requestBodyRedacted'> {
  const masked = maskRequestBody(body);
  return masked.masked ? { requestBody: masked.body, requestBodyRedacted: true } : { requestBody: body };
}

/** Cancelled runs and input refused locally (no request was made; never-send values above all) are not results worth keeping. */
function belongsInHistory(run: ToolRun): boolean {
  if (run.ok) return true;
  if (run.error.kind === 'cancelled' || run.error.kind === 'never-send') return false;
  return !(run.error.kind === 'validation' && run.status === undefined);
}
