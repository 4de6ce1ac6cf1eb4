import type { ExportFormat } from '../../core/export/exportFormats';
import type { ResultRecord } from '../../core/record/resultRecord';
import type { Translate } from '../../core/translate';

/** What the results panel's buttons do; the extension wires them to its services. */
export interface ResultPanelActions {
  runAgain(record: ResultRecord): void;
  exportRecord(record: ResultRecord, format?: ExportFormat): void;
  openInEditor(record: ResultRecord, revealed: boolean): void | Thenable<void>;
  copyJson(record: ResultRecord, revealed: boolean): void | Thenable<void>;
  /** The unredacted data for a record, if still held in memory (never persisted). */
  unredactedData(record: ResultRecord): unknown;
  /** Modal confirmation before masked values are shown. */
  confirmReveal(): Thenable<boolean>;
  /** The user's language for the summary above the data (`vscode.l10n.t`); English when absent. */
  translate?: Translate;
}
