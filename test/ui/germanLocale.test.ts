import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession } from '../harness';
import { packLanguagePackStub } from './languagePackStub';
import { openNiamonxSidebar, waitForResultFrame } from './resultWebview';

// The second language shows in the real UI. VS Code runs with display language German
// (argv.json locale "de"); the manifest (package.nls.de.json), the runtime strings
// (l10n/bundle.l10n.de.json) and the results page all speak German.
describe('UI: German display language', function () {
  this.timeout(180_000);
  let languagePack: ReturnType<typeof packLanguagePackStub> | undefined;

  before(function () {
    languagePack = packLanguagePackStub('de');
  });
  after(function () {
    if (languagePack) rmSync(dirname(languagePack.vsix), { recursive: true, force: true });
  });
  const session = useVsCodeSession(() => ({
    suite: 'locale-de',
    alsoInstall: [languagePack!.vsix],
    locale: { language: 'de', languagePacksJson: languagePack!.languagePacksJson },
    files: { 'vorfall.md': '# Vorfall 42\n\nBeacon zu 8.8.8.8 alle 60 s.\n' },
  }));

  it('shows the welcome view and the view names in German', async function () {
    await session.openFile('vorfall.md');
    await openNiamonxSidebar(session.page);
    await session.page.locator('.pane-header', { hasText: 'Ergebnisse' }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const welcome = session.page.locator('.welcome-view-content', { hasText: 'braucht einen API-Schlüssel' }).first();
    await welcome.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await welcome.getByRole('button', { name: 'API-Schlüssel festlegen' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('1-welcome-de');
  });

  it('runs "NiamonX: API-Schlüssel festlegen" from the palette and asks in German', async function () {
    await session.runCommand('NiamonX: API-Schlüssel festlegen');
    const prompt = session.page.locator('.quick-input-widget .quick-input-message', {
      hasText: 'Fügen Sie den API-Schlüssel aus Ihrem NiamonX-Dashboard ein',
    });
    await prompt.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('2-set-api-key-de');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    await session.workbench
      .notification('NiamonX: API-Schlüssel im geschützten Speicher gesichert.')
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(session.emulator.requests.length, 0, 'storing a key spends no call');
  });

  it('shows a ping result with the German results page', async function () {
    await session.openFile('vorfall.md');
    await session.selectFirst('8.8.8.8');
    await session.runCommand('NiamonX: Ping');
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    const frame = await waitForResultFrame(session.page, '8.8.8.8');
    await frame.locator('.toolbar .action-label', { hasText: 'JSON kopieren' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(await frame.locator('html').getAttribute('lang'), 'de');
    assert.match(await frame.locator('#result-header').innerText(), /Eingabe/);
    // The summary above the data is ours to translate (the answer's own words stay as sent).
    const summary = await frame.locator('dl.summary').innerText();
    assert.match(summary, /Erreichbar/);
    for (const english of ['Alive', 'Packet loss', 'Probes', 'Location'])
      assert.ok(!summary.includes(english), `"${english}" in: ${summary}`);
    await session.screenshot('3-result-de');
  });
});
