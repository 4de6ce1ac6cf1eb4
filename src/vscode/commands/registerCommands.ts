import * as vscode from 'vscode';
import { bulkCommand } from '../bulk/bulkCommand';
import { cancelBulkRuns } from '../bulk/activeBulkRuns';
import { CommandId } from './commandIds';
import { clearApiKey } from '../key/clearApiKey';
import { clearCache } from '../storage/clearCache';
import { deleteAllLocalData } from '../storage/deleteAllLocalData';
import { historyClear } from '../history/historyClear';
import { historyCopyJson } from '../history/historyCopyJson';
import { historyExport } from '../history/historyExport';
import { historyExportAll } from '../history/historyExportAll';
import { historyOpen } from '../history/historyOpen';
import { historyRemove } from '../history/historyRemove';
import { historyRunAgain } from '../history/historyRunAgain';
import { ping } from '../run/ping';
import { refreshTools } from '../toolsTree/refreshTools';
import { runTool } from '../run/runTool';
import { runToolOnSelection } from '../run/runToolOnSelection';
import { extractIndicators } from '../editor/extractIndicators';
import { sendDespiteNeverSend } from '../neverSend/sendDespiteNeverSend';
import { copyDefanged, defangSelection, refangSelection } from '../editor/transformSelection';
import { setApiKey } from '../key/setApiKey';
import { toggleInlineVerdicts } from '../verdicts/toggleInlineVerdicts';
import { treeCopyToolName } from '../toolsTree/treeCopyToolName';
import { treeRunTool } from '../toolsTree/treeRunTool';
import { treeRunToolOnInput } from '../toolsTree/treeRunToolOnInput';
import { tryNow } from '../run/tryNow';
import { useEmulator } from '../settings/useEmulator';
import type { Services } from '../services';
import { statusBarMenu } from '../run/statusBar';

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
