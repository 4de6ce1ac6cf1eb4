import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EmulatorControl } from '../../emulator/controlClient';
import { waitFor } from '../../devtools/util/waitFor';
import type { NiamonxApi, NiamonxInternals } from '../../src/vscode/run/publicApi';

export const EXTENSION_ID = 'niamonx-community.niamonx-tools';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the extension-host tests with "npm run test:host".`);
  return value;
}

export const testKey = (): string => requiredEnv('NIAMONX_TEST_KEY');
export const emulator = (): EmulatorControl => new EmulatorControl(requiredEnv('NIAMONX_EMULATOR_ORIGIN'));

/** The views' data providers, for looking at what the sidebar shows. */
export async function internals(): Promise<NiamonxInternals> {
  return ((await api()) as unknown as { __internals: NiamonxInternals }).__internals;
}

/** Every tree item of a view, depth first, resolved the way VS Code renders them. */
export async function treeItems(provider: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<vscode.TreeItem[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  const items: vscode.TreeItem[] = [];
  for (const child of children) {
    items.push(await provider.getTreeItem(child));
    items.push(...(await treeItems(provider, child)));
  }
  return items;
}

export const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

export async function api(): Promise<NiamonxApi> {
  const extension = vscode.extensions.getExtension<NiamonxApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** A fresh start for each test: known key, emulator defaults, no learned state, empty history. */
export async function resetWorld(): Promise<void> {
  await api();
  await emulator().reset();
  await vscode.commands.executeCommand('niamonx.setApiKey', testKey());
  await vscode.workspace.getConfiguration('niamonx').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let openedEditors = 0;

/**
 * A new untitled document holding `content`, shown and active. It gets a name of its own: VS Code
 * hands out "Untitled-N" names again, and a document the previous test closed can still be cached
 * under that name in the extension host, which would return the old document and its old text.
 */
export async function openEditor(content: string, language = 'log'): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `niamonx-test-${process.pid}-${++openedEditors}.log` });
  let document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not write the content of ${uri.toString()}`);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  // Commands act on the active editor, which can lag behind showTextDocument under load.
  await eventually('the new editor to be active', () => vscode.window.activeTextEditor?.document === document);
  return editor;
}

/** Selects the first occurrence of `text` in the editor. */
export function select(editor: vscode.TextEditor, text: string): vscode.Selection {
  const offset = editor.document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in the document`);
  const selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
  editor.selection = selection;
  return selection;
}

/** Puts the cursor `into` characters inside the first occurrence of `text`. */
export function placeCursor(editor: vscode.TextEditor, text: string, into = 1): void {
  const offset = editor.document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in the document`);
  const position = editor.document.positionAt(offset + into);
  editor.selection = new vscode.Selection(position, position);
}

/** Everything the "NiamonX" LogOutputChannel wrote to disk in this session. */
export function outputLogText(): string {
  const root = join(requiredEnv('NIAMONX_TEST_USER_DATA_DIR'), 'logs');
  return findFiles(root, (path) => path.includes(EXTENSION_ID) && path.endsWith('.log'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** Polls a condition (log files are written asynchronously) until it is truthy; fails with `what` on timeout. */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  return waitFor(what, async () => (await probe()) || undefined, { timeoutMs, intervalMs: 50 });
}

function findFiles(dir: string, keep: (path: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? findFiles(path, keep) : keep(path) ? [path] : [];
  });
}
