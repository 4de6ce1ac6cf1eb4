import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportRecords, fileExtension, type ExportFormat } from '../../core/export/exportFormats';
import type { ResultRecord } from '../../core/record/resultRecord';

/** A function, so the details follow VS Code's display language. */
const formatLabels = (): Record<ExportFormat, { label: string; detail: string }> => ({
  json: { label: 'JSON', detail: vscode.l10n.t('Everything, machine-readable') },
  csv: { label: 'CSV', detail: vscode.l10n.t('Flattened dotted columns, for spreadsheets') },
  markdown: { label: 'Markdown', detail: vscode.l10n.t('Tables, for incident notes and tickets') },
});
const FORMATS = (): { format: ExportFormat; label: string; detail: string }[] => {
  const labels = formatLabels();
  return EXPORT_FORMATS.map((format) => ({ format, ...labels[format] }));
};

export interface ExportChoice {
  format?: ExportFormat;
  /** Where to write; skips the save dialog (scripts and tests). */
  target?: vscode.Uri;
  /** Strings (the API key) scrubbed from the file as a last line of defence. */
  secrets?: string[];
}

/**
 * Writes records (already redacted, never holding the key) to a file the user picks.
 * Resolves to the file written, or undefined when the user backed out.
 */
export async function exportToFile(
  records: ResultRecord[],
  suggestedName: string,
  choice: ExportChoice = {},
): Promise<vscode.Uri | undefined> {
  const format =
    choice.format ??
    (
      await vscode.window.showQuickPick(
        FORMATS().map((f) => ({ ...f, description: `.${fileExtension(f.format)}` })),
        { title: vscode.l10n.t('NiamonX: Export as') },
      )
    )?.format;
  if (!format) return undefined;
  const extension = fileExtension(format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    choice.target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('NiamonX: Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${suggestedName}.${extension}`) : undefined,
      filters: { [FORMATS().find((f) => f.format === format)!.label]: [extension] },
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(exportRecords(records, format, { secrets: choice.secrets }), 'utf8'));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('NiamonX: exported {0} result(s) to {1}.', records.length, vscode.workspace.asRelativePath(target)),
  );
  return target;
}

/** Exports one result, named after its tool and input. */
export function exportRecord(record: ResultRecord, choice: ExportChoice = {}): Promise<vscode.Uri | undefined> {
  const safeInput = record.input.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return exportToFile([record], `niamonx-${record.tool}-${safeInput}`, choice);
}
