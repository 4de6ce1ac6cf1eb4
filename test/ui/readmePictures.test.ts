import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession, type VsCodeSession } from '../harness';
import { useLanguagePackStub } from './languagePackStub';
import { clearNotifications, readmePicture, waitForWebviewsDrawn } from './readmePicture';
import { openNiamonxSidebar, treeRow, waitForResultFrame } from './resultWebview';
import { walkthroughSteps } from './walkthroughSteps';

/** Public addresses only: outside development the documentation ranges are on the never-send list. */
const INCIDENT = '# Incident 42\n\nBeacon to 8.8.8.8 every 60 s, then login from alice@example.com.\n';
const FIREWALL_LOG = [
  '10:00:01 fw ACCEPT src=8.8.8.8 dst=10.0.0.5',
  '10:00:02 fw ACCEPT src=1.1.1.1:443 dst=192.168.1.2',
  '10:00:03 dns [2606:4700:4700::1111]:53 asked for 9.9.9.9 and 8.8.8.8 again',
  '10:00:04 resolvers 208.67.222.222 94.140.14.14',
  '',
].join('\n');

/**
 * The README's pictures (copied to media/readme/ by `npm run screenshots`), all taken here: the
 * packaged .vsix installed as a user installs it, the bundled emulator as the API, the key from
 * the environment (no "key saved" message). Each picture fails its test when it shows a
 * notification, the development host's title or a blank results panel (readmePicture.ts).
 */
describe('UI: README pictures', function () {
  this.timeout(300_000);
  let vsix: string;

  before(function () {
    vsix = join(mkdtempSync(join(tmpdir(), 'niamonx-pictures-')), 'niamonx-tools.vsix');
    execFileSync(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  });
  after(function () {
    if (vsix) rmSync(dirname(vsix), { recursive: true, force: true });
  });

  describe('in English', function () {
    const session = useVsCodeSession(() => ({
      suite: 'readme-pictures',
      installVsix: vsix,
      keyInEnvironment: true,
      files: { 'incident.md': INCIDENT, 'firewall.log': FIREWALL_LOG },
      userSettings: NO_CHAT_VIEW,
    }));

    before(async function () {
      await closeSecondarySideBar(session);
    });

    it('palette.png: the command palette offers the NiamonX commands with an IP selected', async function () {
      assert.equal(session.developmentMode, false, 'the extension runs as installed');
      await startClean(session);
      await session.openFile('incident.md');
      await session.selectFirst('8.8.8.8');
      await session.workbench.showCommandsMatching('NiamonX', 'NiamonX: Ping');
      await readmePicture(session, 'palette');
      await session.page.keyboard.press('Escape');
      await session.workbench.waitForQuickInputClosed();
    });

    it('results-panel.png: a ping result beside the note it came from', async function () {
      await startClean(session);
      await session.openFile('incident.md');
      await session.selectFirst('8.8.8.8');
      await session.runCommand('NiamonX: Ping');
      await waitForResultFrame(session.page, '8.8.8.8');
      await settled(session);
      await readmePicture(session, 'results-panel');
    });

    it('theme-dark.png and theme-high-contrast.png: the result and the sidebar in a dark and a high-contrast theme', async function () {
      await openNiamonxSidebar(session.page);
      await treeRow(session.page, 'Ping').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      const original = await session.page.locator('.monaco-workbench').getAttribute('class');
      for (const [label, workbenchClass, file] of [
        ['Dark Modern', 'vs-dark', 'theme-dark'],
        ['Dark High Contrast', 'hc-black', 'theme-high-contrast'],
      ] as const) {
        await session.workbench.chooseColorTheme(label, workbenchClass);
        await waitForResultFrame(session.page, '8.8.8.8');
        await readmePicture(session, file);
      }
      // Back to the theme the window started with, for the pictures after these.
      const light = original?.includes('vs-dark') ? ['Dark Modern', 'vs-dark'] : ['Light Modern', 'vs'];
      await session.workbench.chooseColorTheme(light[0], light[1]);
    });

    it('right-click.png: the NiamonX submenu of the editor on a selected IP', async function () {
      await startClean(session);
      await session.openFile('incident.md');
      await session.selectFirst('8.8.8.8');
      await session.rightClickEditor();
      await session.clickContextMenuItem('NiamonX');
      await readmePicture(session, 'right-click');
      await session.page.keyboard.press('Escape');
      await session.page.keyboard.press('Escape');
      await session.workbench.contextMenu.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    });

    it('sidebar.png: a breach search run from the NiamonX sidebar on a selected email', async function () {
      await startClean(session);
      await session.openFile('incident.md');
      await session.selectFirst('alice@example.com');
      await openNiamonxSidebar(session.page);
      await treeRow(session.page, 'Breach search').click();
      await session.emulator.waitForRequest((r) => r.tool === 'breaches_search', 20_000);
      await waitForResultFrame(session.page, 'alice@example.com');
      await session.page.locator('.pane-body .monaco-list-row', { hasText: 'alice@example.com' }).first().waitFor();
      // The answer's tables need the editor area's width: the note it came from is closed.
      await aloneInEditorArea(session, 'Breach search');
      await waitForResultFrame(session.page, 'alice@example.com');
      await settled(session);
      await readmePicture(session, 'sidebar');
    });

    it('ulp-masked.png: a ULP search whose passwords are masked, at full width', async function () {
      await startClean(session);
      await session.openFile('incident.md');
      await session.selectFirst('alice@example.com');
      await session.runCommand('NiamonX: Run Tool…');
      await session.workbench.pickQuickInputItem('ULP search');
      await session.emulator.waitForRequest((r) => r.tool === 'ulp_search', 20_000);
      const frame = await waitForResultFrame(session.page, 'ULP');
      await frame.locator('.fact.hidden').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      await frame.locator('.toolbar .reveal').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      assert.match(await frame.locator('#result').innerText(), /••••/, 'the passwords show masked');
      await aloneInEditorArea(session, 'ULP search', { closeSideBar: true });
      await waitForResultFrame(session.page, 'ULP');
      await settled(session);
      await readmePicture(session, 'ulp-masked');
    });

    it('bulk-summary.png: a whole log pinged, its summary at a readable width', async function () {
      await startClean(session);
      await session.openFile('firewall.log');
      await session.page.keyboard.press('Control+A');
      await session.rightClickEditor();
      await session.clickContextMenuItem('NiamonX');
      await session.clickContextMenuItem('Ping All IPs in Selection');
      await waitForResultFrame(session.page, '6 targets');
      // Beside the log the answers' columns would be cut off: the summary gets the window's width.
      await aloneInEditorArea(session, '6 targets', { closeSideBar: true });
      const frame = await waitForResultFrame(session.page, '6 targets');
      const text = await frame.locator('#result').innerText();
      for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '9.9.9.9', '208.67.222.222', '94.140.14.14'])
        assert.ok(text.includes(ip), `${ip} has a row`);
      await settled(session);
      await readmePicture(session, 'bulk-summary');
    });

    it('walkthrough.png: the walkthrough with the key set and a first ping done, nothing beside it', async function () {
      await startClean(session);
      await openWalkthrough(session);
      // As a newcomer follows it: each step's own button (the key is stored, 1.1.1.1 is pinged).
      const walkthrough = walkthroughSteps(session);
      await walkthrough.setKey();
      await walkthrough.startPing('1.1.1.1');
      await waitForResultFrame(session.page, '1.1.1.1');
      await walkthrough.checked('ping');
      // The walkthrough alone, opened again as a user comes back to it: the result it opened is
      // closed, its messages cleared before (a palette opened on the walkthrough is dismissed
      // when the page takes the focus, and an Escape that reaches it goes back to the Welcome page).
      await startClean(session);
      await settled(session);
      await openWalkthrough(session);
      for (const id of ['setKey', 'ping']) await walkthrough.checked(id);
      await waitForWebviewsDrawn(session.page);
      // Still the walkthrough, not the Welcome page it sits in (which an Escape goes back to).
      await readmePicture(session, 'walkthrough', { description: 'walkthrough on screen', locator: walkthrough.page });
    });
  });

  describe('in German', function () {
    const german = useLanguagePackStub('de');
    const session = useVsCodeSession(() => ({
      suite: 'readme-pictures',
      installVsix: vsix,
      keyInEnvironment: true,
      ...german(),
      files: { 'vorfall.md': '# Vorfall 42\n\nBeacon zu 8.8.8.8 alle 60 s.\n' },
      userSettings: NO_CHAT_VIEW,
    }));

    before(async function () {
      await closeSecondarySideBar(session);
    });

    it('german.png: a ping result with the German results page', async function () {
      assert.equal(session.developmentMode, false, 'the extension runs as installed');
      await session.openFile('vorfall.md');
      await session.selectFirst('8.8.8.8');
      await session.runCommand('NiamonX: Ping');
      const frame = await waitForResultFrame(session.page, '8.8.8.8');
      await frame.locator('.toolbar .action-label', { hasText: 'JSON kopieren' }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
      await settled(session);
      await readmePicture(session, 'german');
    });
  });
});

/** No run in progress (its progress notification gone) and no message left on screen. */
async function settled(session: VsCodeSession): Promise<void> {
  await session.page
    .locator('.notification-toast .monaco-progress-container.active')
    .first()
    .waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
  await clearNotifications(session);
}

/** The VS Code 1.139 chat view (the secondary side bar) left closed: the pictures are about NiamonX. */
const NO_CHAT_VIEW = { 'workbench.secondarySideBar.defaultVisibility': 'hidden' };

async function closeSecondarySideBar(session: VsCodeSession): Promise<void> {
  const bar = session.page.locator('.part.auxiliarybar');
  if (await bar.isVisible()) await session.runCommand('View: Close Secondary Side Bar');
  await bar.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
}

/** Each picture starts from the same window: no editor open, no panel, the primary side bar shown. */
async function startClean(session: VsCodeSession): Promise<void> {
  if (await session.page.locator('.tabs-container .tab').count()) await session.runCommand('View: Close All Editors');
  await session.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: UI_STEP_TIMEOUT_MS });
  if (await session.page.locator('.part.panel').isVisible()) await session.runCommand('View: Toggle Panel Visibility');
  if (!(await session.page.locator('.part.sidebar').isVisible())) await session.runCommand('View: Toggle Primary Side Bar Visibility');
  await session.page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
}

async function openWalkthrough(session: VsCodeSession): Promise<void> {
  await session.runCommand('Welcome: Open Walkthrough...');
  await session.workbench.pickQuickInputItem('Get Started with NiamonX Tools');
  await walkthroughSteps(session)
    .page.locator('.getting-started-category-title, h2', { hasText: 'Get Started with NiamonX Tools' })
    .first()
    .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
}

/** The results panel titled `tab` alone in the editor area (optionally the side bar closed too): the width its tables need. */
async function aloneInEditorArea(session: VsCodeSession, tab: string | RegExp, options: { closeSideBar?: boolean } = {}): Promise<void> {
  await session.page.locator('.tabs-container .tab', { hasText: tab }).first().click();
  await session.runCommand('View: Close Editors in Other Groups');
  await session.page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached', timeout: UI_STEP_TIMEOUT_MS });
  if (options.closeSideBar) {
    await session.runCommand('View: Close Primary Side Bar');
    await session.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
  }
}
