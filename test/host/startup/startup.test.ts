import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, EXTENSION_ID } from '../helpers';

/** A built-in extension that activates on `onStartupFinished`: once it is active, the window has finished starting. */
const STARTUP_FINISHED_PROBE = 'vscode.merge-conflict';
/** A built-in extension activated by a JSON model such as settings.json (onLanguage:json), in the same batch as ours would be. */
const SETTINGS_MODEL_PROBE = 'vscode.configuration-editing';

const niamonx = (): vscode.Extension<unknown> => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
};

describe('start-up', () => {
  it('leaves the extension inactive in a window with nothing open', async () => {
    await eventually(
      `the window to finish starting (${STARTUP_FINISHED_PROBE} activates on onStartupFinished)`,
      () => vscode.extensions.getExtension(STARTUP_FINISHED_PROBE)?.isActive,
      30_000,
    );
    // The start-up window's settings hold one that VS Code migrates at start (see runHostTests.ts):
    // writing it opens settings.json as a model, as the workbench does for many users.
    await eventually(
      'VS Code to migrate workbench.activityBar.visible out of the user settings',
      () => vscode.workspace.getConfiguration('workbench').inspect('activityBar.visible')?.globalValue === undefined,
      30_000,
    );
    await eventually(
      `the extensions activated by that settings model (${SETTINGS_MODEL_PROBE}) to be active`,
      () => vscode.extensions.getExtension(SETTINGS_MODEL_PROBE)?.isActive,
      30_000,
    );
    assert.deepEqual(
      vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()),
      [],
      'the window should have no editor open',
    );
    assert.equal(niamonx().isActive, false, 'NiamonX Tools was activated although nothing was opened');
  });

  it('has no onLanguage activation event for a language of the models the workbench made at start-up', () => {
    // Each VS Code makes hidden models of its own (plain text in 1.100, JSON in 1.139): an
    // activation event for one of their languages would activate the extension at every start.
    const events: string[] = niamonx().packageJSON.activationEvents;
    const startupLanguages = [...new Set(vscode.workspace.textDocuments.map((document) => document.languageId))];
    const triggered = startupLanguages.filter((language) => events.includes(`onLanguage:${language}`));
    assert.deepEqual(triggered, [], `models made at start-up: ${startupLanguages.join(', ') || '(none)'}`);
  });

  it('activates when a .log file is opened in an editor', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test window has a workspace folder');
    assert.equal(niamonx().isActive, false);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'access.log'));
    await eventually('NiamonX Tools to activate', () => niamonx().isActive);
  });
});
