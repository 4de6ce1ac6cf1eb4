import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession } from '../harness';
import { assertNoEnglish } from '../util/englishLeftovers';
import { useLanguagePackStub } from './languagePackStub';
import { openNiamonxSidebar, treeRow, waitForResultFrame } from './resultWebview';

/** VS Code's own words under an input box (the language pack stub translates nothing of VS Code). */
const VS_CODE_HINT = "(Press 'Enter' to confirm or 'Escape' to cancel)";

/** How our messages introduce what the server wrote (German). */
const SERVER_SAID = 'NiamonX meldete: ';

/** A log with public addresses (one twice) and a private one the bulk run skips. */
const LOG = '10:00:01 fw ACCEPT src=8.8.8.8 dst=10.0.0.5\n10:00:02 fw ACCEPT src=1.1.1.1\n10:00:03 dns 8.8.8.8 again\n';

// The second language shows in the real UI. VS Code runs with display language German
// (argv.json locale "de"); the manifest (package.nls.de.json), the runtime strings
// (l10n/bundle.l10n.de.json) and the results page all speak German. Every text of ours a user
// meets here is checked for English words (test/util/englishLeftovers.ts); VS Code's own words
// stay English (the language pack stub translates nothing of VS Code), so only our parts are read.
describe('UI: German display language', function () {
  this.timeout(180_000);
  const german = useLanguagePackStub('de');
  const session = useVsCodeSession(() => ({
    suite: 'locale-de',
    ...german(),
    // The fixture extension calls the agents' tool as an agent would (see agentConfirmation.test.ts).
    moreExtensions: [join(PROJECT_ROOT, 'test', 'fixtures', 'lmCaller')],
    files: {
      'vorfall.md': '# Vorfall 42\n\nBeacon zu 8.8.8.8 alle 60 s.\n',
      'ziele.md': '8.8.8.8\n',
      'firewall.log': LOG,
    },
  }));

  const page = () => session.page;
  /** A hover (editor, tree item or status bar tooltip) showing `text`. */
  const hover = (text: string | RegExp) => page().locator('.monaco-hover, .workbench-hover', { hasText: text }).first();
  const toast = (text: string | RegExp) => session.workbench.notification(text);

  /** A message as a toast, or else in the notification centre (VS Code 1.139 sometimes files one there only). */
  async function messageText(text: RegExp): Promise<string> {
    const shown = await toast(text)
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return toast(text).locator('.notification-list-item-message').innerText();
    await session.runCommand('Notifications: Show Notifications');
    const item = page().locator('.notifications-center .notification-list-item', { hasText: text }).first();
    await item.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const message = await item.locator('.notification-list-item-message').innerText();
    await session.runCommand('Notifications: Hide Notifications');
    return message;
  }

  /** What the server wrote, quoted after our message: the answer's own words stay as sent. */
  const serverSaid = (text: string): string[] => {
    const line = text.replace(/\s+/g, ' ');
    const at = line.indexOf(SERVER_SAID);
    return at < 0 ? [] : [line.slice(at + SERVER_SAID.length).trim()];
  };

  /** A message and its buttons (ours too), with what the server wrote left out. */
  async function ownMessage(text: RegExp): Promise<{ text: string; allowed: string[] }> {
    const message = await messageText(text);
    return { text: `${message}\n${await messageButtons(text)}`, allowed: serverSaid(message) };
  }

  /** The buttons of a message are ours too. */
  async function messageButtons(text: RegExp): Promise<string> {
    return (
      await toast(text)
        .locator('.monaco-button')
        .allInnerTexts()
        .catch(() => [])
    ).join(' · ');
  }

  async function dismissMessages(): Promise<void> {
    await session.runCommand('Notifications: Clear All Notifications');
    await page()
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS })
      .catch(() => undefined);
  }

  /** What the results page writes itself: header (without the input and tool id), toolbar, summary, notes, column names. */
  function ownTextsOfResult(frame: Frame): Promise<string> {
    return frame.evaluate(() => {
      const texts: string[] = [];
      const header = document.querySelector('#result-header')?.cloneNode(true) as HTMLElement | undefined;
      header?.querySelectorAll('code').forEach((code) => code.remove());
      texts.push(header?.textContent ?? '');
      for (const selector of ['.toolbar', 'dl.summary dt', '.note', '.notice', '.empty', '.grid-filter-count', '.column-name', '.error'])
        document.querySelectorAll(selector).forEach((element) => texts.push(element.textContent ?? ''));
      document.querySelectorAll('input[placeholder]').forEach((input) => texts.push(input.getAttribute('placeholder') ?? ''));
      return texts.join('\n');
    });
  }

  /** The tooltip of a row: the mouse rests on it as a user's would. */
  async function tooltipOf(row: Locator, text: string | RegExp): Promise<string> {
    const shown = hover(text);
    await session.workbench.hoverUntilShown(row, shown);
    const content = await shown.innerText();
    await page().mouse.move(0, 0);
    await shown.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS }).catch(() => undefined);
    return content;
  }

  it('shows the welcome view and the view names in German', async function () {
    await session.openFile('vorfall.md');
    await openNiamonxSidebar(page());
    await page().locator('.pane-header', { hasText: 'Ergebnisse' }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const welcome = page().locator('.welcome-view-content', { hasText: 'braucht einen API-Schlüssel' }).first();
    await welcome.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await welcome.getByRole('button', { name: 'API-Schlüssel festlegen' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the welcome view', await welcome.innerText());
    await session.screenshot('1-welcome-de');
  });

  it('runs "NiamonX: API-Schlüssel festlegen" from the palette and asks in German', async function () {
    await session.runCommand('NiamonX: API-Schlüssel festlegen');
    const prompt = page().locator('.quick-input-widget .quick-input-message', {
      hasText: 'Fügen Sie den API-Schlüssel aus Ihrem NiamonX-Dashboard ein',
    });
    await prompt.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the key prompt', await prompt.innerText(), [VS_CODE_HINT]);
    await session.screenshot('2-set-api-key-de');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    await session.workbench
      .notification('NiamonX: API-Schlüssel im geschützten Speicher gesichert.')
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(session.emulator.requests.length, 0, 'storing a key spends no call');
    await dismissMessages();
  });

  it('shows a ping result with the German results page', async function () {
    await session.openFile('vorfall.md');
    await session.selectFirst('8.8.8.8');
    await session.runCommand('NiamonX: Ping');
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    const frame = await waitForResultFrame(page(), '8.8.8.8');
    await frame.locator('.toolbar .action-label', { hasText: 'JSON kopieren' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(await frame.locator('html').getAttribute('lang'), 'de');
    assert.match(await frame.locator('#result-header').innerText(), /Eingabe/);
    // The summary above the data is ours to translate (the answer's own words stay as sent).
    const summary = await frame.locator('dl.summary').innerText();
    assert.match(summary, /Erreichbar/);
    for (const english of ['Alive', 'Packet loss', 'Probes', 'Location'])
      assert.ok(!summary.includes(english), `"${english}" in: ${summary}`);
    assertNoEnglish('the results page', await ownTextsOfResult(frame));
    await session.screenshot('3-result-de');
  });

  it('the Tools view, its tooltips, the Ergebnisse view after a run and the status bar speak German', async function () {
    await openNiamonxSidebar(page());
    const ping = treeRow(page(), 'Ping');
    await ping.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const toolsPane = page()
      .locator('.pane', { has: page().locator('.pane-header', { hasText: 'Tools' }) })
      .first();
    // Tool ids and input kinds are names (gl_ping, ip); the rest is ours.
    assertNoEnglish('the Tools view', (await toolsPane.locator('.monaco-list-row').allInnerTexts()).join('\n'));
    assertNoEnglish('a tool tooltip', await tooltipOf(ping, 'gl_ping'));

    const historyPane = page()
      .locator('.pane', { has: page().locator('.pane-header', { hasText: 'Ergebnisse' }) })
      .first();
    const historyRow = historyPane.locator('.monaco-list-row', { hasText: '8.8.8.8' }).first();
    await historyRow.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the Ergebnisse view', (await historyPane.locator('.monaco-list-row').allInnerTexts()).join('\n'));
    assertNoEnglish('a result tooltip', await tooltipOf(historyRow, 'gl_ping'));

    const usage = page().locator('.statusbar-item', { hasText: 'NiamonX' }).first();
    await usage.filter({ hasText: /heute/ }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the status bar item', await usage.innerText());
    assertNoEnglish('the status bar tooltip', await tooltipOf(usage, /API-Schlüssel/));
  });

  it('a hover over an address shows the held answer and its links in German', async function () {
    await session.openFile('ziele.md');
    const address = page()
      .locator('.editor-group-container.active .view-lines span', { hasText: /^8\.8\.8\.8$/ })
      .last();
    await address.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const shown = hover('NiamonX');
    await session.workbench.hoverUntilShown(address, shown);
    const text = await shown.innerText();
    assert.match(text, /Ping:/, 'the answer held from the run before');
    // The place comes from the answer (emulator data), as sent.
    assertNoEnglish('the hover', text, ['Mountain View', 'United States']);
    await page().mouse.move(0, 0);
  });

  it('Extract Indicators writes its report in German', async function () {
    await session.openFile('firewall.log');
    await session.runCommand('NiamonX: Indikatoren extrahieren');
    const lines = page().locator('.editor-group-container.active .view-lines');
    // Waits for the report's counts (in any language), then reads all of it.
    await lines.filter({ hasText: /2\s+8\.8\.8\.8/ }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the Extract Indicators report', await lines.innerText());
    assert.match(await lines.innerText(), /IPv4-Adressen\s\(3\)/);
    await session.runCommand('View: Revert and Close Editor');
  });

  it('the agents’ confirmation speaks German', async function () {
    const before = session.emulator.requests.length;
    await session.runCommand('NiamonX Test: Invoke niamonx_ping on 8.8.8.8');
    const dialog = page().locator('.monaco-dialog-box').first();
    await dialog.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    // Title and message are ours; the buttons are VS Code's.
    const text = await dialog.locator('.dialog-message-container').innerText();
    assert.match(text, /NiamonX Ping/);
    assertNoEnglish('the agents’ confirmation', text);
    await page().keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    await dismissMessages();
    assert.equal(session.emulator.requests.length, before, 'a declined call is never sent');
  });

  it('a bulk run’s summary speaks German', async function () {
    await session.openFile('firewall.log');
    await session.runCommand('NiamonX: Alle IP-Adressen im Dokument pingen');
    const frame = await waitForResultFrame(page(), '2 Ziele');
    await frame.locator('#result table').first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the bulk summary', await ownTextsOfResult(frame));
  });

  it('the never-send refusal, a refused key (401) and a cooldown (429) are told in German', async function () {
    await session.runCommand('NiamonX: Ping');
    await session.typeInQuickInput('10.0.0.1');
    const refused = /10\.0\.0\.1/;
    const refusedShown = await ownMessage(refused);
    assertNoEnglish('the never-send refusal', refusedShown.text, refusedShown.allowed);
    await dismissMessages();

    await session.runCommand('NiamonX: API-Schlüssel festlegen');
    await session.typeInQuickInput('nx-not-a-real-key-0000000');
    await session.workbench.waitForQuickInputClosed();
    await dismissMessages();
    await session.runCommand('NiamonX: Ping');
    await session.typeInQuickInput('1.0.0.1');
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && r.status === 401, 20_000);
    const unauthorized = /NiamonX Ping: NiamonX hat den API-Schlüssel/;
    const unauthorizedShown = await ownMessage(unauthorized);
    assertNoEnglish('the 401 message', unauthorizedShown.text, unauthorizedShown.allowed);
    await dismissMessages();

    await session.runCommand('NiamonX: API-Schlüssel festlegen');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    await dismissMessages();
    session.emulator.configure({ cooldownSeconds: 300 });
    await session.runCommand('NiamonX: Ping');
    await session.typeInQuickInput('8.8.4.4');
    // The cooldown counts from the bulk run's calls: this ping may meet it already, or else the next one does.
    const first = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && (r.body as { ip: string }).ip === '8.8.4.4', 20_000);
    if (first.status !== 429) {
      await session.runCommand('NiamonX: Ping');
      await session.typeInQuickInput('9.9.9.9');
    }
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && r.status === 429, 20_000);
    const cooldown = /Abkühlphase/;
    const cooldownShown = await ownMessage(cooldown);
    assertNoEnglish('the 429 message', cooldownShown.text, cooldownShown.allowed);
    await dismissMessages();

    // The Tools view shows the cooldown too.
    await openNiamonxSidebar(page());
    const ping = treeRow(page(), 'Ping');
    await ping.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the Tools view during a cooldown', await ping.innerText());

    // The failed runs in the Ergebnisse view: their kind and message are ours too.
    const historyPane = page()
      .locator('.pane', { has: page().locator('.pane-header', { hasText: 'Ergebnisse' }) })
      .first();
    const failedRow = historyPane.locator('.monaco-list-row', { hasText: '1.0.0.1' }).first();
    await failedRow.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the Ergebnisse view with failures', (await historyPane.locator('.monaco-list-row').allInnerTexts()).join('\n'));
    const failedTooltip = await tooltipOf(failedRow, '1.0.0.1');
    assertNoEnglish('a failed result’s tooltip', failedTooltip, serverSaid(failedTooltip));
  });

  it('the tool picker speaks German', async function () {
    await session.openFile('ziele.md');
    await session.selectFirst('8.8.8.8');
    await session.runCommand('NiamonX: Tool ausführen…');
    const rows = page().locator('.quick-input-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assertNoEnglish('the tool picker', (await rows.allInnerTexts()).join('\n'));
    await page().keyboard.press('Escape');
    await session.workbench.waitForQuickInputClosed();
  });
});
