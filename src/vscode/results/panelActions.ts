import * as vscode from 'vscode';
import type { ResultRecord } from '../../core/record/resultRecord';
import { exportRecord } from '../history/saveExport';
import { copyRecordJson, recordJson } from '../history/recordJson';
import type { ResultPanelActions } from './panelRegistry';
import type { ApiKeyStore } from '../key/apiKeyStore';
import type { ResultSink } from './resultSink';

/** What the results panel's buttons do, in terms of the extension's services. */
export function panelActions(services: {
  results: ResultSink;
  keys: ApiKeyStore;
  runAgain: (record: ResultRecord) => Promise<unknown>;
}): ResultPanelActions {
  const revealedData = (record: ResultRecord, revealed: boolean) => (revealed ? services.results.unredactedData(record.id) : undefined);
  return {
    runAgain: (record) => void services.runAgain(record),
    exportRecord: (record, format) => void exportRecord(record, { format, secrets: services.keys.knownSecrets() }),
    openInEditor: async (record, revealed) => {
      const document = await vscode.workspace.openTextDocument({
        language: 'json',
        content: recordJson(record, revealedData(record, revealed)),
      });
      await vscode.window.showTextDocument(document, { preview: false });
    },
    copyJson: (record, revealed) => copyRecordJson(record, revealedData(record, revealed)),
    unredactedData: (record) => services.results.unredactedData(record.id),
    confirmReveal: async () =>
      (await vscode.window.showWarningMessage(
        vscode.l10n.t('Show the masked values (passwords, tokens, hashes) in this panel?'),
        { modal: true, detail: vscode.l10n.t('They stay masked in the history, logs and exports.') },
        vscode.l10n.t('Reveal'),
      )) === vscode.l10n.t('Reveal'),
    translate: vscode.l10n.t,
  };
}
