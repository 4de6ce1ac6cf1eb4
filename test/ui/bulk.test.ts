import * as assert from 'node:assert/strict';
import { useVsCodeSession } from '../harness';
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
  const session = useVsCodeSession({ suite: 'bulk', files: { 'firewall.log': `${LOG}\n` }, keyInEnvironment: true });

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
