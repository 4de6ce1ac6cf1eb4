import * as assert from 'node:assert/strict';
import { startVsCodeSession, type VsCodeSession } from '../harness';
import { waitForResultFrame } from './resultWebview';

const PUBLIC = ['8.8.8.8', '1.1.1.1', '9.9.9.9', '2606:4700:4700::1111', '208.67.222.222', '94.140.14.14'];
const LOG = [
  `10:00:01 fw ACCEPT src=${PUBLIC[0]} dst=10.0.0.5`,
  `10:00:02 fw ACCEPT src=${PUBLIC[1]}:443 dst=192.168.1.2`,
  `10:00:03 dns [${PUBLIC[3]}]:53 asked for ${PUBLIC[2]} and ${PUBLIC[0]} again`,
  `10:00:04 resolvers ${PUBLIC[4]} ${PUBLIC[5]}`,
].join('\n');

// Issue 7: right-click a pasted log → NiamonX → Ping All IPs in Selection → one summary panel.
describe('UI: bulk ping from the editor context menu', function () {
  this.timeout(180_000);
  let session: VsCodeSession;

  before(async function () {
    session = await startVsCodeSession({ suite: 'bulk', files: { 'firewall.log': `${LOG}\n` }, keyInEnvironment: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session.reportFailure(this.currentTest.fullTitle());
  });

  after(async function () {
    await session?.close();
  });

  it('right-click → NiamonX → Ping All IPs in Selection shows a row per unique public IP', async function () {
    await session.openFile('firewall.log');
    await session.page.keyboard.press('Control+A');
    await session.rightClickEditor();
    await session.clickContextMenuItem('NiamonX');
    await session.screenshot('1-bulk-context-menu');
    await chooseInSubmenu(session, 'Ping All IPs in Selection');
    const frame = await waitForResultFrame(session.page, '6 targets');
    const table = frame.locator('#result table').first();
    await table.waitFor();
    await session.screenshot('2-bulk-summary');
    const text = await frame.locator('#result').innerText();
    for (const ip of PUBLIC) assert.ok(text.includes(ip), `${ip} has a row`);
    assert.match(text, /non-public address \(private\)/, 'skipped addresses are listed with their class');

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
});

/**
 * Keyboard-walks the open submenu to `label` and presses Enter. (The harness's
 * clickContextMenuItem focuses the item, but Enter then goes to the submenu's first item.)
 */
async function chooseInSubmenu(session: VsCodeSession, label: string): Promise<void> {
  const submenu = session.page.locator('.context-view .monaco-submenu');
  for (let step = 0; step < 12; step++) {
    const focused = await submenu
      .locator('.action-item.focused .action-label')
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => '');
    if (focused.trim() === label) {
      await session.page.keyboard.press('Enter');
      return;
    }
    await session.page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${label}" is not in the submenu`);
}
