import * as vscode from 'vscode';
import type { ResultRecord } from '../../core/record/resultRecord';

const COMPACT_DATA_LIMIT = 2000;

/**
 * The "NiamonX" output channel. Every run leaves one concise line (with compact data);
 * the pretty-printed data follows when the user chose the output view.
 * Records are already redacted and never carry the key.
 */
export class OutputLog implements vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;

  /** Created on first use, not at activation. */
  get channel(): vscode.LogOutputChannel {
    return (this.created ??= vscode.window.createOutputChannel('NiamonX', { log: true }));
  }

  logRecord(record: ResultRecord, prettyData: boolean): void {
    const duration = record.durationMs === undefined ? '' : ` in ${record.durationMs} ms`;
    const status = record.status === undefined ? '' : ` HTTP ${record.status}`;
    const source = record.cached ? ' (cached, no API call)' : '';
    const hidden = record.redactedCount ? ` [${record.redactedCount} sensitive value(s) masked]` : '';
    if (!record.ok) {
      this.channel.warn(
        `${record.tool} ${record.input} → ${record.error?.kind ?? 'error'}${status}${duration}: ${record.error?.message ?? ''}`,
      );
      return;
    }
    const compact = compactJson(record.data);
    this.channel.info(`${record.tool} ${record.input} → OK${status}${duration}${source}${hidden} ${compact}`);
    if (prettyData) this.channel.info(`${record.tool} ${record.input} data:\n${safeJson(record.data, 2)}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.created?.dispose();
  }
}

/**
 * Answers are refused above MAX_JSON_DEPTH at the client, so this cannot overflow today;
 * the catch keeps a log line from ever turning a finished run into a rejected promise.
 */
function safeJson(data: unknown, indent?: number): string {
  try {
    return JSON.stringify(data ?? null, null, indent) ?? 'null';
  } catch {
    return '(data not shown: too deep or not JSON)';
  }
}

function compactJson(data: unknown): string {
  const json = safeJson(data);
  return json.length > COMPACT_DATA_LIMIT ? `${json.slice(0, COMPACT_DATA_LIMIT)}… (${json.length} chars; see the results panel)` : json;
}
