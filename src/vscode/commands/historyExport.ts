import type * as vscode from 'vscode';
import { exportToFile, isExportFormat } from '../history/exportRecords';
import { recordFromArgument } from '../history/recordFromArgument';
import type { Services } from '../services';

/** Export one result; the optional second argument `{ format, target }` skips the pickers. */
export async function historyExport(services: Services, arg: unknown, choice?: { format?: unknown; target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const record = recordFromArgument(services, arg);
  if (!record) return undefined;
  const safeInput = record.input.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return exportToFile([record], `niamonx-${record.tool}-${safeInput}`, { format: isExportFormat(choice?.format) ? choice.format : undefined, target: choice?.target, secrets: services.keys.knownSecrets() });
}
