import * as vscode from 'vscode';
import { Emitter } from '../../core/events';
import type { HistoryStore } from '../../core/history/historyStore';
import { belongsInHistory, type BuiltRecord } from '../../core/record/buildRecord';
import { RecordIds } from '../../core/record/recordIds';
import type { ResultRecord } from '../../core/record/resultRecord';
import { currentSettings } from '../settings/config';
import type { OutputLog } from './outputLog';

/** Keeps this many unredacted answers in memory for "Reveal"; never persisted. */
const REVEALABLE = 50;

export interface Delivery {
  /** Open the results panel or the output (as the user's niamonx.resultView says); false for agents and the public API. */
  show: boolean;
  /** Pretty-print the data into the log too when the user reads results there (single runs). */
  prettyLog: boolean;
}

/**
 * Where every finished run goes, single or bulk, from the user, an agent or another extension:
 * one log line, the history (when worth keeping), then the panel or the output. The sink does
 * not know the panels: extension.ts connects them to onResultToShow, so data flows one way.
 */
export class ResultSink implements vscode.Disposable {
  private readonly ids = new RecordIds();
  private readonly originals = new Map<string, unknown>();
  private readonly toShow = new Emitter<ResultRecord>();
  readonly onResultToShow = this.toShow.event;

  constructor(
    private readonly output: OutputLog,
    private readonly history: HistoryStore,
  ) {}

  newId(startedAt: number, prefix?: string): string {
    return this.ids.next(startedAt, prefix);
  }

  /** The answer before masking, while it is still held in memory. */
  unredactedData(id: string): unknown {
    return this.originals.get(id);
  }

  async deliver({ record, original }: BuiltRecord, delivery: Delivery): Promise<void> {
    if (original !== undefined) this.keepOriginal(record.id, original);
    const settings = currentSettings();
    // The run is done: a failure to log or store it must not turn it into a rejection.
    await this.guard(
      (reason) => vscode.l10n.t('Could not log a result: {0}', reason),
      () => this.output.logRecord(record, delivery.prettyLog && settings.resultView !== 'webview'),
    );
    if (belongsInHistory(record)) {
      await this.guard(
        (reason) => vscode.l10n.t('Could not save a result to the history: {0}', reason),
        () => this.history.add(record),
      );
    }
    if (!delivery.show || !record.ok) return;
    if (settings.resultView === 'output') this.output.show();
    else
      await this.guard(
        (reason) => vscode.l10n.t('Could not show a result: {0}', reason),
        () => this.toShow.fire(record),
      );
  }

  dispose(): void {
    this.originals.clear();
  }

  private async guard(message: (reason: string) => string, work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.output.channel.error(message(error instanceof Error ? error.message : String(error)));
    }
  }

  private keepOriginal(id: string, data: unknown): void {
    this.originals.set(id, data);
    while (this.originals.size > REVEALABLE) this.originals.delete(this.originals.keys().next().value as string);
  }
}
