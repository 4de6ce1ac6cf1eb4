import * as vscode from 'vscode';
import type { ResultRecord } from '../../core/record/resultRecord';

/** What "Copy JSON" and "Open in Editor" show: the data (or `revealedData`), or the error. */
export function recordJson(record: ResultRecord, revealedData?: unknown): string {
  const shown = record.ok ? (revealedData ?? record.data ?? null) : { error: record.error };
  return JSON.stringify(shown, null, 2);
}

export async function copyRecordJson(record: ResultRecord, revealedData?: unknown): Promise<void> {
  await vscode.env.clipboard.writeText(recordJson(record, revealedData));
  void vscode.window.setStatusBarMessage(vscode.l10n.t('NiamonX: JSON copied'), 3000);
}
