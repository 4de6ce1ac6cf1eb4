import * as vscode from 'vscode';
import { bulkCommand, cancelBulkRuns } from './bulk/bulkRun';
import { CommandId } from './commandIds';
import { clearApiKey } from './commands/clearApiKey';
import { clearCache } from './commands/clearCache';
import { deleteAllLocalData } from './commands/deleteAllLocalData';
import { historyClear } from './commands/historyClear';
import { historyCopyJson } from './commands/historyCopyJson';
import { historyExport } from './commands/historyExport';
import { historyExportAll } from './commands/historyExportAll';
import { historyOpen } from './commands/historyOpen';
import { historyRemove } from './commands/historyRemove';
import { historyRunAgain } from './commands/historyRunAgain';
import { ping } from './commands/ping';
import { refreshTools } from './commands/refreshTools';
import { runTool } from './commands/runTool';
import { runToolOnSelection } from './commands/runToolOnSelection';
import { extractIndicators } from './commands/extractIndicators';
import { sendDespiteNeverSend } from './commands/sendDespiteNeverSend';
import { copyDefanged, defangSelection, refangSelection } from './commands/transformSelection';
import { setApiKey } from './commands/setApiKey';
import { toggleInlineVerdicts } from './commands/toggleInlineVerdicts';
import { treeCopyToolName } from './commands/treeCopyToolName';
import { treeRunTool } from './commands/treeRunTool';
import { treeRunToolOnInput } from './commands/treeRunToolOnInput';
import { tryNow } from './commands/tryNow';
import { useEmulator } from './commands/useEmulator';
import type { Services } from './services';
import { statusBarMenu } from './statusBar';

type Handler = (services: Services, ...args: unknown[]) => unknown;

const HANDLERS: Record<CommandId, Handler> = {
  [CommandId.SetApiKey]: setApiKey,
  [CommandId.ClearApiKey]: clearApiKey,
  [CommandId.Ping]: ping,
  [CommandId.RunTool]: runTool,
  [CommandId.RunToolOnSelection]: runToolOnSelection,
  [CommandId.RefreshTools]: refreshTools,
  [CommandId.UseEmulator]: useEmulator,
  [CommandId.ShowOutput]: (services) => services.output.show(),
  [CommandId.TreeRunTool]: treeRunTool,
  [CommandId.TreeRunToolOnInput]: treeRunToolOnInput,
  [CommandId.TreeCopyToolName]: treeCopyToolName,
  [CommandId.HistoryOpen]: historyOpen,
  [CommandId.HistoryRunAgain]: historyRunAgain,
  [CommandId.HistoryCopyJson]: historyCopyJson,
  [CommandId.HistoryExport]: historyExport,
  [CommandId.HistoryRemove]: historyRemove,
  [CommandId.HistoryClear]: historyClear,
  [CommandId.HistoryExportAll]: historyExportAll,
  [CommandId.TryNow]: tryNow,
  [CommandId.PingAllInSelection]: (services, arg) => bulkCommand(services, 'selection', 'gl_ping', arg),
  [CommandId.PingAllInDocument]: (services, arg) => bulkCommand(services, 'document', 'gl_ping', arg),
  [CommandId.PingAllInFile]: (services, arg) => bulkCommand(services, 'file', 'gl_ping', arg),
  [CommandId.RunToolOnAllInSelection]: (services, arg) => bulkCommand(services, 'selection', undefined, arg),
  [CommandId.RunToolOnAllInDocument]: (services, arg) => bulkCommand(services, 'document', undefined, arg),
  [CommandId.CancelBulkRuns]: () => cancelBulkRuns(),
  [CommandId.ClearCache]: clearCache,
  [CommandId.DeleteAllLocalData]: deleteAllLocalData,
  [CommandId.StatusBarMenu]: (services) => statusBarMenu(services.usage),
  [CommandId.SendDespiteNeverSend]: sendDespiteNeverSend,
  [CommandId.DefangSelection]: () => defangSelection(),
  [CommandId.RefangSelection]: () => refangSelection(),
  [CommandId.CopyDefanged]: () => copyDefanged(),
  [CommandId.ExtractIndicators]: extractIndicators,
  [CommandId.ToggleInlineVerdicts]: () => toggleInlineVerdicts(),
};

/** One registration per command id; an unexpected failure is shown, never swallowed. */
export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(services, ...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.output.channel.error(`${id} failed: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('NiamonX: {0}', message));
        return undefined;
      }
    }),
  );
}
