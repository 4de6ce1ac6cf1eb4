import * as assert from 'node:assert/strict';
import { useVsCodeSession, UI_STEP_TIMEOUT_MS } from '../harness';

// A private address is never sent (refused with its reason and Open Setting), the
// free transforms work in the editor, and an IP printed in the terminal is a link whose Ping
// makes one call.
describe('UI: never send, transforms and terminal links', function () {
  this.timeout(180_000);

  const session = useVsCodeSession({
    suite: 'never-send',
    // The DOM renderer draws terminal rows as elements: the test can find the printed IP and point at it.
    userSettings: { 'terminal.integrated.gpuAcceleration': 'off' },
    files: {
      'internal.log': 'backup from 10.0.0.5 to 8.8.8.8 ok\n',
      'report.md': 'beacon 8.8.8.8 and 1.1.1.1, again 8.8.8.8, mail bob@evil-example.com\n',
    },
  });

  const editorLines = () => session.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();

  it('palette: Ping on a private address is refused with its reason and Open Setting; nothing is sent', async function () {
    await session.runCommand('NiamonX: Set API Key');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();

    await session.openFile('internal.log');
    await session.selectFirst('10.0.0.5');
    await session.runCommand('NiamonX: Ping');
    const toast = session.workbench.notification(/10\.0\.0\.5 is a private address/);
    await toast.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await toast.locator('.monaco-button', { hasText: 'Open Setting' }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('never-send-refused');
    assert.equal(session.emulator.requests.length, 0, 'nothing was sent');
    await toast.locator('.monaco-button', { hasText: 'Open Setting' }).first().click();
    await session.page.locator('.settings-editor').first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.page
      .locator('.settings-editor .setting-item-label', { hasText: 'Never Send' })
      .first()
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(session.emulator.requests.length, 0, 'still nothing sent');
    // VS Code 1.139 may show the settings editor as a modal, which keeps the palette from opening: close it.
    await session.workbench.closeActiveEditor(session.page.locator('.settings-editor').first());
  });

  it('Defang Selection and Refang Selection round-trip the selection', async function () {
    await session.openFile('report.md');
    await session.runCommand('Select All');
    await session.runCommand('NiamonX: Defang Selection');
    await editorLines().filter({ hasText: '8[.]8[.]8[.]8' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await editorLines().filter({ hasText: 'bob[@]evil-example[.]com' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('defanged');
    await session.runCommand('Select All');
    await session.runCommand('NiamonX: Refang Selection');
    await editorLines()
      .filter({ hasText: 'beacon 8.8.8.8 and 1.1.1.1, again 8.8.8.8, mail bob@evil-example.com' })
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(session.emulator.requests.length, 0, 'transforms spend nothing');
  });

  it('Extract Indicators opens a new document with the counts', async function () {
    await session.openFile('report.md');
    await session.runCommand('NiamonX: Extract Indicators');
    await editorLines().filter({ hasText: 'IPv4 addresses (2)' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await editorLines()
      .filter({ hasText: /2\s+8\.8\.8\.8/ })
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('extract-indicators');
    assert.equal(session.emulator.requests.length, 0, 'extracting spends nothing');
  });

  it('an IP printed in the terminal is a link whose Ping makes exactly one call', async function () {
    // The extension activates with a log or text file (no terminal activation event): open one first.
    await session.openFile('internal.log');
    await session.runCommand('Terminal: Create New Terminal');
    const terminal = session.page.locator('.terminal-wrapper.active .xterm').first();
    await terminal.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await terminal.click();
    await session.page.keyboard.type('echo reply from 9.9.9.9 time=12ms\n');
    const before = session.emulator.requests.length;
    const row = session.page.locator('.terminal-wrapper.active .xterm-rows > div', { hasText: /^reply from 9\.9\.9\.9/ }).first();
    await row.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    // Point at the IP's characters (a monospace row: the text's width over its length is one cell), then Ctrl+click the link.
    const { box, cell } = await row.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const rect = range.getBoundingClientRect();
      return { box: { x: rect.x, y: rect.y, height: rect.height }, cell: rect.width / (element.textContent ?? '').length };
    });
    const x = box.x + cell * ('reply from '.length + 3.5);
    const y = box.y + box.height / 2;
    await session.page.mouse.move(x - 40, y);
    await session.page.mouse.move(x, y, { steps: 5 });
    // Hovering a link shows its tooltip (ours names the actions): then it can be followed.
    await session.page.locator('.workbench-hover', { hasText: 'Ping, Run Tool' }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('terminal-link-hover');
    await session.page.keyboard.down('Control');
    await session.page.mouse.click(x, y);
    await session.page.keyboard.up('Control');
    await session.workbench.pickQuickInputItem('Ping');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    assert.deepEqual(request.body, { ip: '9.9.9.9' });
    await session.screenshot('terminal-link-ping');
    assert.equal(session.emulator.requests.length - before, 1, 'exactly one call');
  });
});
