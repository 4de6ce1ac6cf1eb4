import * as assert from 'node:assert/strict';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession } from '../harness';
import { waitFor } from '../../devtools/util/waitFor';

// In the emulator, breaches_search rates 8.8.8.8 "high" and 1.1.1.1 "low".
const LOG = '10:00:01 fw ACCEPT src=8.8.8.8 dst=10.0.0.5\n10:00:02 fw ACCEPT src=1.1.1.1\n';

// After a bulk run on a log: each IP line shows its verdict inline, and a finding is in the Problems panel.
describe('UI: verdicts where you read', function () {
  this.timeout(180_000);
  const session = useVsCodeSession({ suite: 'verdicts', files: { 'firewall.log': LOG }, keyInEnvironment: true });

  /** The texts the editor draws after its lines (inline decorations are CSS ::after content). */
  const inlineTexts = () =>
    session.page.evaluate(() =>
      Array.from(document.querySelectorAll('.monaco-editor .view-lines span'))
        .map((element) => getComputedStyle(element, '::after').content)
        .filter((content) => content && content !== 'none' && content !== 'normal'),
    );

  it('after a bulk run, an IP line shows its inline summary and the Problems panel lists a finding', async function () {
    await session.openFile('firewall.log');
    await session.runCommand('NiamonX: Ping All IPs in Document');
    const shown = await waitFor(
      'the inline verdicts',
      async () => {
        // Only our verdicts: other editors draw ::after text too (VS Code 1.139's chat input placeholder).
        const texts = (await inlineTexts()).filter((text) => text.includes('Ping:'));
        return texts.filter((text) => text.includes('Ping: alive')).length === 2 ? texts : undefined;
      },
      { timeoutMs: UI_STEP_TIMEOUT_MS },
    );
    assert.ok(
      shown.every((text) => /Ping: alive · [\d.]+ ms · /.test(text)),
      shown.join(' | '),
    );
    await session.screenshot('inline-verdicts');

    await session.openFile('firewall.log');
    await session.runCommand('NiamonX: Run Tool on All Targets in Document…');
    await session.workbench.pickQuickInputItem('Breach search');
    await session.runCommand('Problems: Focus on Problems View');
    const problems = session.page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'Breach risk high' }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('findings-in-problems');
    const rows = await problems.locator('.monaco-list-row').allInnerTexts();
    assert.ok(!rows.some((row) => row.includes('1.1.1.1')), 'a low risk is no finding');
  });
});
