/** Every command the extension contributes; package.json uses the same ids. */
export enum CommandId {
  SetApiKey = 'niamonx.setApiKey',
  ClearApiKey = 'niamonx.clearApiKey',
  Ping = 'niamonx.ping',
  RunTool = 'niamonx.runTool',
  RunToolOnSelection = 'niamonx.runToolOnSelection',
  RefreshTools = 'niamonx.refreshTools',
  UseEmulator = 'niamonx.useEmulator',
  ShowOutput = 'niamonx.showOutput',
  TreeRunTool = 'niamonx.tree.runTool',
  TreeRunToolOnInput = 'niamonx.tree.runToolOnInput',
  TreeCopyToolName = 'niamonx.tree.copyToolName',
  HistoryOpen = 'niamonx.history.open',
  HistoryRunAgain = 'niamonx.history.runAgain',
  HistoryCopyJson = 'niamonx.history.copyJson',
  HistoryExport = 'niamonx.history.export',
  HistoryRemove = 'niamonx.history.remove',
  HistoryClear = 'niamonx.history.clear',
  HistoryExportAll = 'niamonx.history.exportAll',
  TryNow = 'niamonx.tryNow',
  PingAllInSelection = 'niamonx.pingAllInSelection',
  PingAllInDocument = 'niamonx.pingAllInDocument',
  PingAllInFile = 'niamonx.pingAllInFile',
  RunToolOnAllInSelection = 'niamonx.runToolOnAllInSelection',
  RunToolOnAllInDocument = 'niamonx.runToolOnAllInDocument',
  CancelBulkRuns = 'niamonx.cancelBulkRuns',
  ClearCache = 'niamonx.clearCache',
  DeleteAllLocalData = 'niamonx.deleteAllLocalData',
  StatusBarMenu = 'niamonx.statusBarMenu',
  SendDespiteNeverSend = 'niamonx.sendDespiteNeverSend',
}

/** Context keys the extension sets for `when` clauses. */
export enum ContextKey {
  HasApiKey = 'niamonx.hasApiKey',
  CursorOnTarget = 'niamonx.cursorOnTarget',
}
