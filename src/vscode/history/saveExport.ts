import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportRecords, fileExtension, type ExportFormat } from '../../core/export/exportFormats';
import type { ResultRecord } from '../../core/record/resultRecord';

const FORMAT_LABELS: Record<ExportFormat, { label: string; detail: string }> = {
  json: { label: 'JSON', detail: 'Everything, machine-readable' },
  csv: { label: 'CSV', detail: 'Flattened dotted columns, for spreadsheets' },
  markdown: { label: 'Markdown', detail: 'Tables, for incident notes and tickets' },
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
export async function exportToFile(records: ResultRecord[], suggestedName: string, choice: ExportChoice = {}): Promise<vscode.Uri | undefined> {
  const format =
    choice.format ??
    (
      await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ format: f, ...FORMAT_LABELS[f], description: `.${fileExtension(f)}` })),
        { title: 'NiamonX: Export as' },
      )
    )?.format;
  if (!format) return undefined;
  const extension = fileExtension(format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    choice.target ??
    (await vscode.window.showSaveDialog({
      title: 'NiamonX: Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${suggestedName}.${extension}`) : undefined,
      filters: { [FORMAT_LABELS[format].label]: [extension] },
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(exportRecords(records, format, { secrets: choice.secrets }), 'utf8'));
  void vscode.window.showInformationMessage(`NiamonX: exported ${records.length} result(s) to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

/** Exports one result, named after its tool and input. */
export function exportRecord(record: ResultRecord, choice: ExportChoice = {}): Promise<vscode.Uri | undefined> {
  const safeInput = record.input.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return exportToFile([record], `niamonx-${record.tool}-${safeInput}`, choice);
}
