import * as assert from 'node:assert/strict';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession } from '../harness';
import { waitForResultFrame } from './resultWebview';

const PUBLIC = ['8.8.8.8', '1.1.1.1', '9.9.9.9', '2606:4700:4700::1111', '208.67.222.222', '94.140.14.14'];
const LOG = [
  `10:00:01 fw ACCEPT src=${PUBLIC[0]} dst=10.0.0.5`,
  `10:00:02 fw ACCEPT src=${PUBLIC[1]}:443 dst=192.168.1.2`,
  `10:00:03 dns [${PUBLIC[3]}]:53 asked for ${PUBLIC[2]} and ${PUBLIC[0]} again`,
  `10:00:04 resolvers ${PUBLIC[4]} ${PUBLIC[5]}`,
].join('\n');

/** Addresses no other test here pings (none answered from the cache), one of them defanged. */
const AUTH = ['45.33.32.156', '104.16.132.229', '151.101.1.69'];
const AUTH_LOG = `sshd: Failed password from ${AUTH[0]} port 22\nsshd: Failed password from ${AUTH[1]} port 22\nioc: ${AUTH[2].replaceAll('.', '[.]')}\n`;

// Right-click a pasted log → NiamonX → Ping All IPs in Selection → one summary panel.
describe('UI: bulk ping from the editor context menu', function () {
  this.timeout(180_000);
  const session = useVsCodeSession({
    suite: 'bulk',
    files: { 'firewall.log': `${LOG}\n`, 'auth.log': AUTH_LOG },
    keyInEnvironment: true,
  });

  it('right-click → NiamonX → Ping All IPs in Selection shows a row per unique public IP', async function () {
    await session.openFile('firewall.log');
    await session.page.keyboard.press('Control+A');
    await session.rightClickEditor();
    await session.clickContextMenuItem('NiamonX');
    await session.screenshot('1-bulk-context-menu');
    await session.clickContextMenuItem('Ping All IPs in Selection');
    const frame = await waitForResultFrame(session.page, '6 targets');
    const table = frame.locator('#result table').first();
    await table.waitFor();
    await session.screenshot('2-bulk-summary');
    const text = await frame.locator('#result').innerText();
    for (const ip of PUBLIC) assert.ok(text.includes(ip), `${ip} has a row`);
    assert.match(text, /on your never-send list \(private address\)/, 'skipped addresses are listed with the reason and their class');

    // The summary's table filters as the user types.
    const filter = frame.locator('.grid-filter input').first();
    await filter.fill('9.9.9');
    const visible = frame.locator('#result table.grid').first().locator('tbody tr:visible');
    await frame.locator('.grid-filter-count', { hasText: '1 of 6 rows' }).first().waitFor();
    assert.equal(await visible.count(), 1);
    assert.match(await visible.first().innerText(), /9\.9\.9\.9/);
    await session.screenshot('3-bulk-summary-filtered');

    const sent = session.emulator.requests
      .filter((request) => request.tool === 'gl_ping')
      .map((request) => (request.body as { ip: string }).ip);
    assert.deepEqual(sent.sort(), [...PUBLIC].sort(), 'one call per unique public IP');
  });

  it('right-click a file in the Explorer → Ping All IPs in File shows its rows without opening it', async function () {
    const row = session.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'auth.log' }).first();
    await row.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await row.click({ button: 'right' });
    await session.workbench.contextMenu.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('4-explorer-context-menu');
    // A menu opened by the mouse takes the mouse (the keyboard's focus stays on the list row).
    await session.workbench.contextMenuItem('Ping All IPs in File').click();
    const frame = await waitForResultFrame(session.page, '3 targets');
    const text = await frame.locator('#result').innerText();
    for (const ip of AUTH) assert.ok(text.includes(ip), `${ip} has a row`);
    assert.ok(text.includes('151[.]101[.]1[.]69'), 'the defanged form as written');
    await session.screenshot('5-file-summary');
    const sent = session.emulator.requests
      .filter((request) => request.tool === 'gl_ping')
      .map((request) => (request.body as { ip: string }).ip)
      .filter((ip) => AUTH.includes(ip));
    assert.deepEqual(sent.sort(), [...AUTH].sort(), 'one call per address of the file');
    const tabs = await session.page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some((tab) => tab.trim() === 'auth.log'), `no editor opened for the file: ${tabs.join(', ')}`);
  });
});
