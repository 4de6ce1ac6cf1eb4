import * as assert from 'node:assert/strict';
import type { ConsoleMessage, Dialog } from 'playwright-core';
import { useVsCodeSession, UI_STEP_TIMEOUT_MS } from '../harness';
import { openNiamonxSidebar, waitForResultFrame } from './resultWebview';

/** Data an attacker controls (a breach record, a hostname) trying every way into the page. */
const HOSTILE = {
  image: "<img src=x onerror=\"document.title='PWNED';console.log('PWNED')\">",
  script: '<script>document.title="PWNED";console.log("PWNED")</script>',
  link: 'javascript:document.title="PWNED"',
  cell: '</td></tr></table><b id="escaped">broken out</b>',
  markdown: '[x](command:workbench.action.quit)',
  rows: [
    { name: '<svg onload="console.log(\'PWNED\')">', site: 'https://example.com/ok' },
    { name: '"><iframe src="javascript:console.log(\'PWNED\')">', site: 'javascript:console.log("PWNED")' },
  ],
};

// Results are readable and theme-aware, hostile data cannot run code, history survives a reload.
describe('UI: the results webview in a real browser', function () {
  this.timeout(180_000);
  const consoleTexts: string[] = [];
  const dialogs: string[] = [];

  const session = useVsCodeSession({
    suite: 'results-webview',
    keyInEnvironment: true,
    userSettings: { 'niamonx.tools': [{ name: 'hostile_tool', label: 'Hostile data', category: 'Test', inputKind: 'text' }] },
  });

  before(function () {
    session.emulator.configure({ extraTools: { hostile_tool: { kind: 'fixed', data: HOSTILE } } });
    session.page.on('console', (message: ConsoleMessage) => consoleTexts.push(message.text()));
    session.page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it('renders hostile strings as literal text, runs none of them, and has a strict CSP', async function () {
    await session.runCommand('NiamonX: Run Tool…');
    await session.workbench.pickQuickInputItem('Hostile data');
    await session.typeInQuickInput('probe');
    const frame = await waitForResultFrame(session.page, 'probe');
    await session.screenshot('hostile-data');

    const text = await frame.locator('#result').innerText();
    for (const literal of [HOSTILE.image, HOSTILE.script, HOSTILE.cell, HOSTILE.markdown, HOSTILE.link, HOSTILE.rows[0].name]) {
      assert.ok(text.includes(literal), `shown literally: ${literal}`);
    }
    assert.equal(
      await frame.locator('#result img, #result script, #result svg, #result iframe, #escaped').count(),
      0,
      'no element was created from data',
    );
    const links = await frame.locator('#result a').allInnerTexts();
    assert.deepEqual(links, ['https://example.com/ok'], 'only the https: URL is a link');

    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /default-src 'none'/);
    assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval/);

    assert.notEqual(await frame.title(), 'PWNED');
    assert.doesNotMatch(await session.page.title(), /PWNED/);
    assert.ok(!consoleTexts.some((line) => line.includes('PWNED')), 'no hostile script logged anything');
    assert.deepEqual(dialogs, [], 'no dialog was opened');
  });

  it('shows a gl_ping result readably in the light and the dark theme', async function () {
    await session.runCommand('NiamonX: Ping');
    await session.typeInQuickInput('1.1.1.1');
    const frame = await waitForResultFrame(session.page, '1.1.1.1');
    const summary = await frame.locator('#result').innerText();
    assert.match(summary, /alive/i);
    for (const [theme, bodyClass] of [
      ['Light Modern', 'vscode-light'],
      ['Dark Modern', 'vscode-dark'],
    ] as const) {
      await session.runCommand('Preferences: Color Theme');
      await session.workbench.pickQuickInputItem(theme);
      await frame.locator(`body.${bodyClass}`).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      await session.screenshot(`gl_ping-${bodyClass.replace('vscode-', '')}`);
    }
  });

  it('keeps the history (and the open result) across a reload of the window', async function () {
    // One results panel open across the reload. (code-server sometimes fails to set up one of
    // several webviews it restores at once; the extension reopens such a panel, see ResultPanels,
    // but that platform race is kept out of this test.)
    await session.workbench.closeTab('Hostile data: probe');
    await session.reloadWindow();
    // The open results panel comes back with its data (webview panel serializer).
    await waitForResultFrame(session.page, '1.1.1.1', 60_000);
    await openNiamonxSidebar(session.page);
    const entry = session.page.locator('.pane-body .monaco-list-row', { hasText: 'Ping: 1.1.1.1' }).first();
    await entry.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.page.locator('.pane-body .monaco-list-row', { hasText: 'Hostile data: probe' }).first().waitFor();
    await session.screenshot('history-after-reload');
    const callsBefore = session.emulator.requests.length;
    await entry.click();
    await waitForResultFrame(session.page, '1.1.1.1');
    assert.equal(session.emulator.requests.length, callsBefore, 'reopening from history spends no call');
  });
});
