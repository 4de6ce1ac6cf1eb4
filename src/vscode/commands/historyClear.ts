import * as vscode from 'vscode';
import type { Services } from '../services';

/** Clears the history after a modal confirmation (it cannot be undone). */
export async function historyClear(services: Services): Promise<boolean> {
  const count = services.history.list().length;
  if (!count) return false;
  const answer = await vscode.window.showWarningMessage(`Clear all ${count} NiamonX results from the history?`, { modal: true, detail: 'This cannot be undone. Exported files are not affected.' }, 'Clear History');
  if (answer !== 'Clear History') return false;
  await services.history.clear();
  return true;
}
