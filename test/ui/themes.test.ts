import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { startVsCodeSession, UI_STEP_TIMEOUT_MS, type VsCodeSession } from '../harness';
import { openNiamonxSidebar, treeRow, waitForResultFrame } from './resultWebview';

/** Each built-in theme (setting value and picker label), the class VS Code gives the workbench, and the kind a webview is told. */
const THEMES = [
  { name: 'Default Dark Modern', label: 'Dark Modern', workbenchClass: 'vs-dark', webviewKind: 'vscode-dark', file: 'dark' },
  { name: 'Default Light Modern', label: 'Light Modern', workbenchClass: 'vs', webviewKind: 'vscode-light', file: 'light' },
  {
    name: 'Default High Contrast',
    label: 'Dark High Contrast',
    workbenchClass: 'hc-black',
    webviewKind: 'vscode-high-contrast',
    file: 'high-contrast-dark',
  },
  {
    name: 'Default High Contrast Light',
    label: 'Light High Contrast',
    workbenchClass: 'hc-light',
    webviewKind: 'vscode-high-contrast-light',
    file: 'high-contrast-light',
  },
] as const;

// The views and the results page follow light, dark and both high-contrast themes, with
// codicons for every icon (a screenshot in each theme).
describe('UI: themes and icons', function () {
  this.timeout(180_000);
  let session: VsCodeSession;
  let frame: Frame;

  before(async function () {
    session = await startVsCodeSession({
      suite: 'themes',
      keyInEnvironment: true,
      files: { 'incident.md': '# Incident 42\n\nBeacon to 8.8.8.8 every 60 s, then login from alice@example.com.\n' },
    });
    await session.openFile('incident.md');
    await session.selectFirst('8.8.8.8');
    // The palette offers the extension's commands with an IP selected, in the light theme before the switch.
    await session.workbench.showCommandsMatching('NiamonX', 'NiamonX: Ping');
    await session.screenshot('palette');
    await session.page.keyboard.press('Escape');
    await session.workbench.waitForQuickInputClosed();
    await session.runCommand('NiamonX: Ping');
    frame = await waitForResultFrame(session.page, '8.8.8.8');
    await openNiamonxSidebar(session.page);
    await treeRow(session.page, 'Ping').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session.reportFailure(this.currentTest.fullTitle());
  });

  after(async function () {
    await session?.close();
  });

  it('shows every icon of the views and the results page as a codicon', async function () {
    const treeIcons = session.page.locator('.pane-body .monaco-list-row .custom-view-tree-node-item-icon');
    const classes = await treeIcons.evaluateAll((icons) => icons.map((icon) => icon.className));
    assert.ok(classes.length >= 4, `tree icons: ${classes.length}`);
    for (const name of classes) assert.match(name, /\bcodicon-[\w-]+/, `a tree icon that is not a codicon: ${name}`);
    const buttons = frame.locator('.toolbar button.action');
    const count = await buttons.count();
    assert.ok(count >= 4, `${count} toolbar buttons`);
    assert.equal(await frame.locator('.toolbar button.action .codicon').count(), count, 'each button has a codicon');
    const fontLoaded = await frame.evaluate(async () => {
      await document.fonts.ready;
      let loaded = false;
      document.fonts.forEach((font) => (loaded ||= /codicon/i.test(font.family) && font.status === 'loaded'));
      return loaded;
    });
    assert.ok(fontLoaded, 'the codicon font is loaded in the results page');
  });

  for (const theme of THEMES) {
    it(`follows "${theme.name}" in the workbench and the results page`, async function () {
      // As a user would (it sets workbench.colorTheme): Preferences: Color Theme, then the theme.
      await session.workbench.chooseColorTheme(theme.label, theme.workbenchClass);
      await frame.waitForFunction((kind) => document.body.dataset.vscodeThemeKind === kind, theme.webviewKind, {
        timeout: UI_STEP_TIMEOUT_MS,
      });
      // The page takes its colours from the theme: its background is the editor's.
      const colours = await frame.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, editor: style.getPropertyValue('--vscode-editor-background').trim() };
      });
      assert.ok(colours.editor, 'the theme variables reach the page');
      // Every text of the header is readable: WCAG contrast of at least 4.5 against what is behind it.
      const contrasts = await frame.evaluate(() => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const backgroundOf = (element: Element | null): string => {
          for (let at = element; at; at = at.parentElement) {
            const colour = getComputedStyle(at).backgroundColor;
            const parts = rgb(colour);
            if (parts.length === 3 || (parts.length === 4 && parts[3] > 0.5)) return colour;
          }
          return getComputedStyle(document.body).backgroundColor;
        };
        return Array.from(
          document.querySelectorAll('#result-header h1, #result-header code, #result-header .label, .toolbar .action-label'),
        ).map((element) => {
          const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(backgroundOf(element)))];
          return { text: element.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        });
      });
      assert.ok(contrasts.length >= 6, `${contrasts.length} header texts`);
      for (const { text, ratio } of contrasts) assert.ok(ratio >= 4.5, `"${text}" has a contrast of ${ratio.toFixed(2)} in ${theme.name}`);
      await session.screenshot(`theme-${theme.file}`);
    });
  }
});
