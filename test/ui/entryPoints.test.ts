import * as assert from 'node:assert/strict';
import { hashKey } from '../../emulator/server';
import { useVsCodeSession } from '../harness';
import { openNiamonxSidebar, treeRow, waitForResultFrame } from './resultWebview';

// Every entry point (palette, editor right-click, sidebar explorer) runs a tool on the
// right input in the real VS Code web UI, and only the calls the user asked for are made.
describe('UI: palette, right-click and sidebar run tools', function () {
  this.timeout(180_000);

  const session = useVsCodeSession({
    suite: 'entry-points',
    files: { 'incident.md': '# Incident 42\n\nBeacon to 8.8.8.8 every 60 s, then login from alice@example.com.\n' },
  });

  it('palette: Set API Key, then Ping with 8.8.8.8 selected sends one gl_ping with that key', async function () {
    await session.runCommand('NiamonX: Set API Key');
    await session.workbench.quickInputBox.waitFor();
    assert.equal(await session.workbench.quickInputBox.getAttribute('type'), 'password', 'the key is typed into a password box');
    await session.screenshot('1-palette-set-api-key');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    assert.equal(session.emulator.requests.length, 0, 'storing a key spends no call');

    await session.openFile('incident.md');
    await session.selectFirst('8.8.8.8');
    await session.screenshot('2-palette-selection');
    await session.runCommand('NiamonX: Ping');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    await waitForResultFrame(session.page, '8.8.8.8');
    await session.screenshot('3-palette-ping-result');

    assert.equal(request.keyHash, hashKey(session.testKey));
    assert.deepEqual(request.body, { ip: '8.8.8.8' });
    assert.equal(session.emulator.requests.filter((r) => r.tool === 'gl_ping').length, 1, 'exactly one call');
  });

  it('right-click on a selected IP → NiamonX → Ping shows the result', async function () {
    await session.openFile('access.log');
    await session.selectFirst('77.88.55.23');
    await session.rightClickEditor();
    await session.clickContextMenuItem('NiamonX');
    await session.screenshot('4-context-menu');
    await session.clickContextMenuItem('Ping');
    const frame = await waitForResultFrame(session.page, '77.88.55.23');
    await session.screenshot('5-context-menu-result');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && (r.body as { ip?: string }).ip === '77.88.55.23');
    assert.equal(request.status, 200);
    assert.match(await frame.locator('#result').innerText(), /77\.88\.55\.23/);
  });

  it('sidebar: clicking a tool runs it on the selection and shows the result', async function () {
    await session.openFile('incident.md');
    await session.selectFirst('alice@example.com');
    await openNiamonxSidebar(session.page);
    const row = treeRow(session.page, 'Breach search');
    await row.waitFor();
    await session.screenshot('6-sidebar-tools');
    await row.click();
    const request = await session.emulator.waitForRequest((r) => r.tool === 'breaches_search', 20_000);
    assert.deepEqual(request.body, { query: 'alice@example.com' });
    await waitForResultFrame(session.page, 'alice@example.com');
    await session.screenshot('7-sidebar-result');
    // The run is listed in the Results view.
    await session.page.locator('.pane-body .monaco-list-row', { hasText: 'alice@example.com' }).first().waitFor();
  });

  it('Run Tool… from the palette offers the tools for the selected kind first', async function () {
    await session.openFile('incident.md');
    await session.selectFirst('alice@example.com');
    await session.runCommand('NiamonX: Run Tool…');
    const firstItem = session.page.locator('.quick-input-list .monaco-list-row').first();
    await firstItem.waitFor();
    await session.screenshot('8-run-tool-pick');
    const labels = await session.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
    assert.ok(!labels.slice(0, 3).includes('Ping'), `tools that take an email come first: ${labels.join(', ')}`);
    await session.workbench.pickQuickInputItem('ULP search');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'ulp_search', 20_000);
    assert.equal((request.body as { value?: string }).value, 'alice@example.com');
    assert.equal((request.body as { type?: string }).type, 'email');
  });
});
