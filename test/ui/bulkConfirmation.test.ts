import * as assert from 'node:assert/strict';
import { waitForWorkbench } from '../../devtools/codeServer/browser';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession, Workbench } from '../harness';
import { waitFor } from '../../devtools/util/waitFor';
import { waitForResultFrame } from './resultWebview';

const PUBLIC = ['8.8.8.8', '1.1.1.1', '9.9.9.9', '208.67.222.222', '94.140.14.14', '77.88.8.8'];
const LOG = [
  `10:00:01 fw ACCEPT src=${PUBLIC[0]} dst=10.0.0.5`,
  `10:00:02 fw ACCEPT src=${PUBLIC[1]}:443 dst=192.168.1.2`,
  `10:00:03 dns asked for ${PUBLIC[2]} and ${PUBLIC[0]} again`,
  `10:00:04 resolvers ${PUBLIC[3]} ${PUBLIC[4]} ${PUBLIC[5]}`,
].join('\n');

// A bulk run over more than niamonx.bulk.confirmAbove calls asks first with a modal
// that states the count and the estimate. Cancel sends nothing and loses nothing; confirming runs it.
describe('UI: a large bulk run asks before spending quota', function () {
  this.timeout(180_000);
  const session = useVsCodeSession({
    suite: 'bulk-confirmation',
    files: { 'resolvers.log': `${LOG}\n`, 'second.log': 'second window: 4.2.2.1 and 4.2.2.2\n' },
    keyInEnvironment: true,
    userSettings: { 'niamonx.bulk.confirmAbove': 2 },
  });

  const dialog = () => session.page.locator('.monaco-dialog-box').first();
  const dialogButton = (label: string) => dialog().locator('.dialog-buttons .monaco-button', { hasText: label }).first();
  const glPingCalls = () => session.emulator.requests.filter((request) => request.tool === 'gl_ping');
  const usageItem = () => session.page.locator('.statusbar-item', { hasText: /calls? today/ }).first();

  it('shows the count and estimate; Cancel sends nothing and keeps the selection; confirming makes the calls', async function () {
    await session.openFile('resolvers.log');
    await session.page.keyboard.press('Control+A');
    const selected = session.workbench.cursorStatus.filter({ hasText: /\(\d+ selected\)/ });
    await selected.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const selectionBefore = await selected.innerText();

    await session.runCommand('NiamonX: Ping All IPs in Selection');
    await dialog().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    const text = await dialog().innerText();
    assert.match(text, /Run Ping on selection in resolvers\.log\?/);
    assert.match(text, /6 unique targets, 0 answered from the cache, \d+ skipped\. 6 API calls will be made/);
    assert.match(text, /\(time unknown until the tool announces its cooldown\)/, 'the estimate, before any cooldown is known');
    await dialogButton('Make 6 Calls').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('1-confirm-modal');
    assert.equal(glPingCalls().length, 0, 'nothing is sent while the question is open');

    await dialogButton('Cancel').click();
    await dialog().waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(glPingCalls().length, 0, 'a declined run sends nothing');
    assert.equal(await session.workbench.cursorStatus.innerText(), selectionBefore, 'the selection is intact');
    await session.screenshot('2-cancelled');

    await session.runCommand('NiamonX: Ping All IPs in Selection');
    await dialog().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    // Had the cancelled run sent anything, its answers would be cached now and the count lower.
    assert.match(await dialog().innerText(), /6 API calls will be made/);
    await dialogButton('Make 6 Calls').click();
    await waitForResultFrame(session.page, '6 targets');
    await session.screenshot('3-confirmed-summary');
    const sent = glPingCalls().map((request) => (request.body as { ip: string }).ip);
    assert.deepEqual(sent.sort(), [...PUBLIC].sort(), 'one call per unique public IP, after the confirmation');
  });

  it("the status bar's calls today survive a window reload", async function () {
    const calls = glPingCalls().length;
    assert.ok(calls > 0, 'the test before made calls');
    const counted = new RegExp(`\\b${calls} calls today\\b`);
    await usageItem().filter({ hasText: counted }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.reloadWindow();
    await usageItem().filter({ hasText: counted }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('4-usage-after-reload');
    assert.equal(glPingCalls().length, calls, 'the reload made no call');
  });

  it("a second window's calls add up with this one's, in both windows' status bars", async function () {
    const before = glPingCalls().length;
    assert.ok(before > 0, 'the tests before made calls');
    const total = before + 2;
    const second = await session.page.context().newPage();
    try {
      await second.goto(session.page.url());
      await waitForWorkbench(second);
      const workbench = new Workbench(second);
      await workbench.openFile('second.log');
      await second.keyboard.press('Control+A');
      await workbench.runCommand('NiamonX: Ping All IPs in Selection');
      await waitFor('the second window to make its 2 calls', () => (glPingCalls().length === total ? true : undefined), {
        timeoutMs: UI_STEP_TIMEOUT_MS,
      });
      const counted = new RegExp(`\\b${total} calls today\\b`);
      const usageIn = (page: typeof second) => page.locator('.statusbar-item', { hasText: counted }).first();
      // Its count went on from what the first window had saved, not from zero.
      await usageIn(second).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      // The first window takes them in when it is used again: its usage menu, then its status bar.
      await session.page.bringToFront();
      await session.runCommand('NiamonX: Usage and API Key…');
      await session.workbench.pickQuickInputItem('Usage per Tool Today');
      const glPingRow = session.page.locator('.quick-input-list .monaco-list-row', { hasText: 'gl_ping' }).first();
      await glPingRow.filter({ hasText: `${total} calls` }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      await usageIn(session.page).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      await session.page.keyboard.press('Escape');
      await session.screenshot('5-usage-two-windows');
    } finally {
      await second.close();
    }
  });
});
