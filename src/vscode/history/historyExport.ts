import type * as vscode from 'vscode';
import { exportChoiceOf } from '../commands/commandArguments';
import { exportRecord } from './saveExport';
import { recordFromArgument } from './recordFromArgument';
import type { Services } from '../services';

/** Export one result; the optional second argument `{ format, target }` skips the pickers. */
export async function historyExport(services: Services, arg: unknown, choice?: unknown): Promise<vscode.Uri | undefined> {
  const record = recordFromArgument(services, arg);
  if (!record) return undefined;
  return exportRecord(record, { ...exportChoiceOf(choice, services.developmentMode), secrets: services.keys.knownSecrets() });
}
