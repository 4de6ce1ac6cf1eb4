import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { hashKey } from '../../emulator/server';
import { useVsCodeSession } from '../harness';

// Proves the UI harness end to end: real VS Code in Chromium, the extension loaded from
// this repo, palette, editor selection, context menu and screenshots.
describe('UI smoke', function () {
  const session = useVsCodeSession({ suite: 'smoke' });

  it('loads the extension when a log file opens', async function () {
    await session.openFile('access.log');
    await session.runCommand('Developer: Show Running Extensions');
    const editor = session.page.locator('.editor-instance.runtime-extensions-editor');
    // A development extension is listed by its id, an installed one by its name.
    const listedAs = session.developmentMode ? 'niamonx-community.niamonx-tools' : 'NiamonX Tools';
    try {
      await session.workbench.revealInList(editor, editor.getByText(listedAs, { exact: true }), 30_000);
      assert.ok(existsSync(await session.screenshot('running-extensions')));
    } finally {
      // Closed even when the check failed, so that the next test does not start behind it.
      await session.workbench.closeActiveEditor(editor);
    }
  });

  it('selects text in the editor and opens its context menu', async function () {
    await session.openFile('access.log');
    await session.selectFirst('77.88.55.23');
    assert.match(await session.workbench.cursorStatus.innerText(), /Ln 2, Col 12 \(11 selected\)/);
    await session.selectText(1, 1, 12);
    assert.match(await session.workbench.cursorStatus.innerText(), /Ln 1, Col 12 \(11 selected\)/);
    await session.rightClickEditor();
    await session.workbench.contextMenuItem('Copy').waitFor();
    // The extension's submenu opens on click and lists its own commands.
    await session.clickContextMenuItem('NiamonX');
    await session.workbench.contextMenuItem('Ping').waitFor();
    assert.ok(existsSync(await session.screenshot('editor-context-menu')));
    await session.page.keyboard.press('Escape');
    await session.page.keyboard.press('Escape');
    await session.workbench.contextMenu.waitFor({ state: 'hidden' });
  });

  it('takes the API key from the palette and pings the selected IP from the context menu', async function () {
    await session.runCommand('NiamonX: Set API Key');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    await session.openFile('access.log');
    await session.selectFirst('77.88.55.200');
    await session.rightClickEditor();
    await session.clickContextMenuItem('NiamonX');
    await session.clickContextMenuItem('Ping');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    assert.equal(request.keyHash, hashKey(session.testKey));
    assert.deepEqual(request.body, { ip: '77.88.55.200' });
    assert.equal(request.status, 200);
    // The result opens in its own tab, titled with the IP, and its webview shows the input.
    await session.page.locator('.tabs-container .tab', { hasText: '77.88.55.200' }).waitFor();
    await session.workbench.webviewContent().getByText('77.88.55.200').first().waitFor();
    assert.ok(existsSync(await session.screenshot('ping-result')));
  });
});
