import * as vscode from 'vscode';
import { recordFromArgument } from '../history/recordFromArgument';
import type { Services } from '../services';

/** Copies the (redacted) data of a result, or its error, as pretty JSON. */
export async function historyCopyJson(services: Services, arg: unknown): Promise<void> {
  const record = recordFromArgument(services, arg);
  if (!record) return;
  await vscode.env.clipboard.writeText(JSON.stringify(record.ok ? record.data ?? null : { error: record.error }, null, 2));
  void vscode.window.setStatusBarMessage('NiamonX: JSON copied', 3000);
}
