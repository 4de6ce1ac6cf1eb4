import type * as vscode from 'vscode';
import { exportRecord, isExportFormat } from '../history/saveExport';
import { recordFromArgument } from '../history/recordFromArgument';
import type { Services } from '../services';

/** Export one result; the optional second argument `{ format, target }` skips the pickers. */
export async function historyExport(services: Services, arg: unknown, choice?: { format?: unknown; target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const record = recordFromArgument(services, arg);
  if (!record) return undefined;
  return exportRecord(record, { format: isExportFormat(choice?.format) ? choice.format : undefined, target: choice?.target, secrets: services.keys.knownSecrets() });
}
