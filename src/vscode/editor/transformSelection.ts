import * as vscode from 'vscode';
import { extractTargetsInChunks, type FoundTarget } from '../../core/bulk/extract';
import { detectAt } from '../../core/indicators/detectTarget';
import { defangWithTargets, refangWithTargets } from '../../core/transform/defangText';

/**
 * A selection this large is not transformed: the edit itself (one string for the editor) would
 * be the problem. The scan runs in slices (the extension host is not held), so sizes below
 * this are fine. Extract Indicators takes any size.
 */
export const MAX_TRANSFORM_CHARS = 20_000_000;

type Transform = (text: string, targets: readonly FoundTarget[]) => string;

/** "Defang Selection": every indicator in each selection written defanged, in one undoable edit. */
export function defangSelection(): Promise<boolean> {
  return replaceSelections(defangWithTargets);
}

/** "Refang Selection": the defanged indicators in each selection written plainly again. */
export function refangSelection(): Promise<boolean> {
  return replaceSelections(refangWithTargets);
}

/** The transform of `text`, its targets found by the bulk runs' sliced scan. */
async function transformed(text: string, transform: Transform): Promise<string> {
  return transform(text, await extractTargetsInChunks(text, undefined));
}

async function replaceSelections(transform: Transform): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const selections = editor?.selections.filter((selection) => !selection.isEmpty) ?? [];
  if (!editor || selections.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: select the text to change first.'));
    return false;
  }
  const texts = selections.map((selection) => editor.document.getText(selection));
  if (!withinLimit(texts)) return false;
  const results: string[] = [];
  for (const text of texts) results.push(await transformed(text, transform));
  return editor.edit((builder) => {
    selections.forEach((selection, index) => builder.replace(selection, results[index]));
  });
}

/**
 * "Copy as Defanged": the selection (or the indicator under the cursor) to the clipboard,
 * defanged, ready for a report or a chat. Returns what was copied.
 */
export async function copyDefanged(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  let text = editor.selections
    .filter((selection) => !selection.isEmpty)
    .map((selection) => editor.document.getText(selection))
    .join('\n');
  if (!text) {
    const position = editor.selection.active;
    text = detectAt(editor.document.lineAt(position.line).text, position.character)?.raw ?? '';
  }
  if (!text) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: select text or place the cursor on an indicator first.'));
    return undefined;
  }
  if (!withinLimit([text])) return undefined;
  const defanged = await transformed(text, defangWithTargets);
  await vscode.env.clipboard.writeText(defanged);
  vscode.window.setStatusBarMessage(vscode.l10n.t('NiamonX: copied defanged'), 3000);
  return defanged;
}

function withinLimit(texts: string[]): boolean {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  if (total <= MAX_TRANSFORM_CHARS) return true;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'NiamonX: the selection holds {0} characters; select at most {1} (Extract Indicators works on any size).',
      total.toLocaleString(vscode.env.language),
      MAX_TRANSFORM_CHARS.toLocaleString(vscode.env.language),
    ),
  );
  return false;
}
