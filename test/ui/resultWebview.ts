import type { Frame, Page } from 'playwright-core';
import { UI_STEP_TIMEOUT_MS } from '../harness';
import { waitFor } from '../../devtools/util/waitFor';

/**
 * The frame of the results webview whose header mentions `text`. Webviews are nested
 * iframes whose number changes as panels open, so look through all frames until one
 * has rendered a matching header.
 */
/**
 * A window's first webview takes longest: VS Code 1.139 sets up its webview service worker then,
 * and in 3 of 8 windows it had not rendered within 20 s on a loaded 2-core machine.
 */
const RESULT_FRAME_TIMEOUT_MS = 3 * UI_STEP_TIMEOUT_MS;

export async function waitForResultFrame(page: Page, text: string, timeoutMs = RESULT_FRAME_TIMEOUT_MS): Promise<Frame> {
  // Frames appear and render asynchronously: look through all of them at each poll.
  return waitFor(`a results panel showing "${text}"`, () => frameShowing(page, text), { timeoutMs, intervalMs: 100 });
}

async function frameShowing(page: Page, text: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const header = frame.locator('body[data-rendered="true"] #result-header');
    const found = await header
      .first()
      .innerText({ timeout: 50 })
      .then((shown) => shown.includes(text))
      .catch(() => false);
    if (found) return frame;
  }
  return undefined;
}

/** Opens the NiamonX view container in the activity bar and waits for its Tools view. */
export async function openNiamonxSidebar(page: Page): Promise<void> {
  const icon = page.locator('.activitybar .action-item a.action-label[aria-label^="NiamonX"]').first();
  await icon.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
  const container = page.locator('.pane-header', { hasText: 'Tools' }).first();
  if (!(await container.isVisible())) await icon.click();
  await container.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
}

/** A row of a sidebar tree view by its label. */
export function treeRow(page: Page, label: string) {
  return page
    .locator('.pane-body .monaco-list-row', {
      has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    })
    .first();
}
