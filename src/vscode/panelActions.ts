import * as vscode from 'vscode';
import type { ResultRecord } from '../core/results/resultRecord';
import { exportToFile } from './history/exportRecords';
import type { ResultPanelActions } from './results/resultPanels';
import type { Services } from './services';

/** What the results panel's buttons do, in terms of the extension's services. */
export function panelActions(services: Services): ResultPanelActions {
  const dataOf = (record: ResultRecord, revealed: boolean) =>
    record.ok ? (revealed ? services.runs.unredactedData(record.id) ?? record.data : record.data) ?? null : { error: record.error };
  return {
    runAgain: (record) => void services.runs.run({ tool: record.tool, input: record.input, fresh: true, interactive: true }),
    exportRecord: (record, format) =>
      void exportToFile([record], `niamonx-${record.tool}-${record.input.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}`, { format, secrets: services.keys.knownSecrets() }),
    openInEditor: async (record, revealed) => {
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(dataOf(record, revealed), null, 2) });
      await vscode.window.showTextDocument(document, { preview: false });
    },
    copyJson: async (record, revealed) => {
      await vscode.env.clipboard.writeText(JSON.stringify(dataOf(record, revealed), null, 2));
      void vscode.window.setStatusBarMessage('NiamonX: JSON copied', 3000);
    },
    unredactedData: (record) => services.runs.unredactedData(record.id),
    confirmReveal: async () =>
      (await vscode.window.showWarningMessage(
        'Show the masked values (passwords, tokens, hashes) in this panel?',
        { modal: true, detail: 'They stay masked in the history, logs and exports.' },
        'Reveal',
      )) === 'Reveal',
  };
}
