import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Long enough for a slow CI machine, short enough that a broken step fails the test soon. */
export const UI_STEP_TIMEOUT_MS = 20_000;

/**
 * Drives the VS Code workbench like a user: keyboard and mouse only, each step waiting for
 * what it caused to appear on screen (no fixed sleeps).
 */
export class Workbench {
  constructor(readonly page: Page) {}

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Runs a command by its palette title (e.g. "Developer: Show Running Extensions"). */
  async runCommand(title: string): Promise<void> {
    await this.pickFromPalette(title);
    // Done once the palette is gone or shows the command's own input instead of the command list.
    await this.page.waitForFunction(
      (typed) => {
        const widget = document.querySelector<HTMLElement>('.quick-input-widget');
        const input = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
        return !widget || widget.style.display === 'none' || input?.value !== typed;
      },
      `>${title}`,
      { timeout: UI_STEP_TIMEOUT_MS },
    );
  }

  /**
   * Opens the command palette, types `title` and picks it. A focus change just then (an input
   * box closing, a notification, a page focusing itself once drawn) can dismiss the palette as
   * it opens: it is opened again.
   */
  async pickFromPalette(title: string): Promise<void> {
    await this.retrying(
      `pickFromPalette: "${title}" not picked`,
      4,
      async (timeoutMs) => {
        await this.page.keyboard.press('F1');
        await this.quickInputBox.waitFor({ state: 'visible', timeout: 5_000 });
        await this.quickInputBox.fill(`>${title}`, { timeout: 5_000 });
        await this.pickQuickInputItem(title, timeoutMs);
      },
      async () => {
        // Only a palette still open is closed: an Escape that reaches the page would act there
        // (a walkthrough goes back to the Welcome page on it).
        if (await this.quickInput.isVisible()) await this.page.keyboard.press('Escape');
      },
    );
  }

  /**
   * Rests the mouse on `target` until `shown` (its hover) appears. A hover drawn just as the
   * editor redraws the line (a decoration arriving) can be hidden again, and a mouse at rest
   * makes no new one: the mouse then leaves and comes back in steps, as a user's hand would.
   */
  async hoverUntilShown(target: Locator, shown: Locator): Promise<void> {
    await this.retrying(
      'hoverUntilShown: no hover',
      3,
      async (timeoutMs) => {
        const box = await target.boundingBox({ timeout: UI_STEP_TIMEOUT_MS });
        if (!box) throw new Error('hoverUntilShown: the target is not on screen');
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        await shown.waitFor({ state: 'visible', timeout: timeoutMs });
      },
      () => this.page.mouse.move(0, 0, { steps: 5 }),
    );
  }

  /**
   * Runs a step that a focus change or a redraw can undo: up to `attempts` times, 5 s each and
   * the last one the full step time, with `beforeAgain` between (each retry is logged).
   */
  private async retrying(
    failure: string,
    attempts: number,
    step: (timeoutMs: number) => Promise<void>,
    beforeAgain: () => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt === attempts;
      try {
        await step(last ? UI_STEP_TIMEOUT_MS : 5_000);
        return;
      } catch (error) {
        if (last) throw error;
        console.log(`${failure} on attempt ${attempt}, again (${String(error).split('\n')[0]})`);
        await beforeAgain();
      }
    }
  }

  /** Clicks the quick-input row whose label is exactly `label`. */
  async pickQuickInputItem(label: string, timeoutMs = UI_STEP_TIMEOUT_MS): Promise<void> {
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click({ timeout: timeoutMs });
  }

  /** Opens the command palette filtered to `filter` and waits until it lists `row`; the caller closes it. */
  async showCommandsMatching(filter: string, row: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInputBox.fill(`>${filter}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  }

  /** Picks a colour theme as a user does (Preferences: Color Theme) and waits until the workbench wears it. */
  async chooseColorTheme(label: string, workbenchClass: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    await this.typeInQuickInput(label, { submit: false });
    await this.pickQuickInputItem(label);
    await this.waitForQuickInputClosed();
    await this.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  }

  /** Waits for the quick input titled `title` (a command's own input box or pick list). */
  async waitForQuickInputTitled(title: string): Promise<void> {
    await this.quickInput
      .locator('.quick-input-title', { hasText: exactly(title) })
      .waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
  }

  /** Types into the open quick input (an input box or a pick list's filter), then presses Enter unless told not to. */
  async typeInQuickInput(text: string, options: { submit?: boolean } = {}): Promise<void> {
    await this.quickInputBox.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await this.quickInputBox.fill(text);
    if (options.submit ?? true) await this.quickInputBox.press('Enter');
  }

  async waitForQuickInputClosed(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits until its editor is active. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.page.keyboard.press('Control+P');
    await this.quickInputBox.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await this.quickInputBox.fill(relativePath);
    await this.pickQuickInputItem(name);
    await this.page
      .locator('.tabs-container .tab.active', { hasText: exactly(name) })
      .waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await this.editorHasFocus();
  }

  /** Selects columns [startColumn, endColumn) of a line (1-based, like the status bar). */
  async selectText(line: number, startColumn: number, endColumn: number): Promise<void> {
    await this.goToLine(line, startColumn);
    for (let column = startColumn; column < endColumn; column++) await this.page.keyboard.press('Shift+ArrowRight');
    await this.waitForSelectionLength(endColumn - startColumn);
  }

  /** Selects the first occurrence of `text` in the active editor, using the Find widget. */
  async selectFirst(text: string): Promise<void> {
    await this.editorHasFocus();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const findInput = this.page.locator(
      '.editor-group-container.active .find-widget.visible .input[aria-label="Find"], .editor-group-container.active .find-widget.visible textarea',
    );
    await findInput.first().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    // Emptied first: refilling the text the widget already holds would not search again.
    await findInput.first().fill('');
    await findInput.first().fill(text);
    // Find-as-you-type selects the first match after the cursor (here: in the document).
    await this.waitForSelectionLength(text.length);
    // Its close button rather than Escape: Escape goes to notification toasts first when one is showing.
    const findWidget = this.page.locator('.editor-group-container.active .find-widget.visible');
    await findWidget.locator('.codicon-widget-close').click();
    await findWidget.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    await this.editorHasFocus();
  }

  /** Opens the editor context menu at the cursor (Shift+F10), keeping the selection. */
  async rightClickEditor(): Promise<void> {
    await this.editorHasFocus();
    await this.page.keyboard.press('Shift+F10');
    await this.contextMenu.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
  }

  get contextMenu(): Locator {
    return this.page.locator('.context-view .monaco-menu').first();
  }

  /** The item with this label in the open context menu (or its open submenu). */
  contextMenuItem(label: string): Locator {
    return this.page
      .locator('.context-view .action-menu-item')
      .filter({ has: this.page.locator('.action-label', { hasText: exactly(label) }) })
      .first();
  }

  /**
   * Chooses a context menu item; for a submenu (e.g. "NiamonX") waits until it has opened.
   * Uses the keyboard rather than the mouse: a pointer resting on a submenu entry makes VS Code
   * reopen that submenu on a hover timer, which can swallow the next click.
   */
  async clickContextMenuItem(label: string): Promise<void> {
    const item = this.contextMenuItem(label);
    await item.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    const opensSubmenu = (await item.getAttribute('aria-haspopup')) === 'true';
    const submenu = this.page.locator('.context-view .monaco-submenu');
    if ((await submenu.count()) > 0 && (await submenu.locator('.action-label', { hasText: exactly(label) }).count()) > 0) {
      await this.moveSubmenuFocusTo(submenu, label);
    } else {
      await item.focus();
    }
    await this.page.keyboard.press('Enter');
    if (opensSubmenu) {
      await submenu.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    } else {
      await this.contextMenu.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    }
  }

  /**
   * Inside an open submenu, DOM focus on an item does not move the menu's own focus (Enter
   * would run the submenu's first entry): walk to the item with the arrow keys instead.
   */
  private async moveSubmenuFocusTo(submenu: Locator, label: string): Promise<void> {
    for (let step = 0; step < 20; step++) {
      const focused = await submenu
        .locator('.action-item.focused .action-label')
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => '');
      if (focused.trim() === label) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`"${label}" could not be reached in the open submenu`);
  }

  /**
   * The document inside the visible webview (e.g. a results panel): VS Code nests it in two
   * iframes, the outer one marked ready once the content is loaded.
   */
  webviewContent(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready >> visible=true').first().frameLocator('iframe#active-frame');
  }

  /** Closes the editor tab titled `title` with its close button, as a user would. */
  async closeTab(title: string): Promise<void> {
    const tab = this.page.locator('.tabs-container .tab', { hasText: title }).first();
    await tab.hover();
    // The close action's icon class differs between VS Code releases; its place in the tab does not.
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached', timeout: UI_STEP_TIMEOUT_MS });
  }

  /**
   * Closes the active editor, also when it is a modal editor (VS Code 1.139 opens some, e.g.
   * Running Extensions, over the workbench) and waits until `editor` is gone.
   */
  async closeActiveEditor(editor: Locator): Promise<void> {
    // A modal editor closes on Escape (and keeps the palette from opening while it is shown).
    await this.page.keyboard.press('Escape');
    const closed = await editor
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!closed) await this.runCommand('View: Close Editor');
    await editor.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
  }

  /**
   * Waits until `item` inside the list `list` is on screen, scrolling the list with the mouse
   * wheel as a user would: VS Code renders only the rows in view (1.139's Running Extensions
   * lists more extensions than fit).
   */
  async revealInList(list: Locator, item: Locator, timeoutMs = UI_STEP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await list.waitFor({ state: 'visible', timeout: timeoutMs });
    while (!(await item.isVisible())) {
      if (Date.now() > deadline) break;
      await list.hover();
      await this.page.mouse.wheel(0, 300);
      await item.waitFor({ state: 'visible', timeout: 500 }).catch(() => undefined);
    }
    await item.waitFor({ state: 'visible', timeout: 1_000 });
  }

  /** A notification toast containing `text`. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  /** The status bar item showing the cursor position, e.g. "Ln 3, Col 5 (12 selected)". */
  get cursorStatus(): Locator {
    return this.page.locator('#status\\.editor\\.selection');
  }

  private async goToLine(line: number, column: number): Promise<void> {
    await this.editorHasFocus();
    await this.page.keyboard.press('Control+G');
    await this.quickInputBox.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await this.quickInputBox.fill(`:${line}:${column}`);
    await this.quickInputBox.press('Enter');
    await this.waitForQuickInputClosed();
    await this.cursorStatus.filter({ hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  }

  private async waitForSelectionLength(length: number): Promise<void> {
    await this.cursorStatus.filter({ hasText: `(${length} selected)` }).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  }

  /** Keyboard commands only reach the editor when its text area has focus. */
  private async editorHasFocus(): Promise<void> {
    const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
    if (await focused.count()) return;
    await this.page.keyboard.press('Escape');
    // Focus the active editor group without moving the cursor (View: Focus Active Editor Group).
    await this.page.keyboard.press('Control+1');
    await focused.first().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
  }
}

/** A case-sensitive whole-text match for locators. */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
