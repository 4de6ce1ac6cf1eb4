import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { UI_STEP_TIMEOUT_MS, type VsCodeSession } from '../harness';
import { waitFor } from '../../devtools/util/waitFor';

/**
 * What must never be in a README picture, read from the DOM: a notification (toast or the
 * notification centre), the development host's title, a results panel left blank.
 */
export async function pictureProblems(page: Page): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const shown = (element: Element) =>
      element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && element.getBoundingClientRect().width > 0;
    const found: string[] = [];
    for (const toast of Array.from(document.querySelectorAll('.notification-toast'))) {
      if (shown(toast)) found.push(`a notification: "${(toast as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}"`);
    }
    for (const centre of Array.from(document.querySelectorAll('.notifications-center'))) {
      if (shown(centre)) found.push('the notification centre');
    }
    const titleBar = document.querySelector<HTMLElement>('.part.titlebar')?.innerText ?? '';
    for (const title of [document.title, titleBar]) {
      if (title.includes('Extension Development Host')) found.push(`the development host's title: "${title.trim()}"`);
    }
    return found;
  });
  return [...problems, ...(await blankWebviews(page))];
}

/**
 * Visible webviews whose document is empty, a results page that has not rendered its record,
 * or one wider than its panel (the columns at the right cut off).
 */
async function blankWebviews(page: Page): Promise<string[]> {
  const blank: string[] = [];
  for (const outer of await page.locator('iframe.webview').elementHandles()) {
    const visible = await outer.evaluate(
      (element) =>
        element instanceof Element && element.checkVisibility({ visibilityProperty: true }) && element.getBoundingClientRect().width > 0,
    );
    if (!visible) continue;
    const content = await (await outer.contentFrame())?.$('iframe#active-frame');
    const frame = await content?.contentFrame();
    const state = await frame
      ?.evaluate(() => ({
        text: document.body?.innerText.trim() ?? '',
        results: !!document.getElementById('result'),
        rendered: document.body?.dataset.rendered === 'true',
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }))
      .catch(() => undefined);
    if (!state || !state.text) blank.push('a blank webview');
    else if (state.results && !state.rendered) blank.push(`a results panel not rendered ("${state.text.slice(0, 40)}")`);
    else if (state.results && state.overflow > 1) blank.push(`a results panel ${state.overflow} px wider than its view (a table cut off)`);
  }
  return blank;
}

/**
 * Waits until every visible webview has drawn its content (a walkthrough step's page takes a
 * moment); one still blank after that is left for readmePicture to report.
 */
export async function waitForWebviewsDrawn(page: Page): Promise<void> {
  await waitFor('the webviews on screen to be drawn', async () => ((await blankWebviews(page)).length ? undefined : true), {
    timeoutMs: UI_STEP_TIMEOUT_MS,
  }).catch(() => undefined);
}

/**
 * Takes a README picture (test-artifacts/<suite>/<name>.png) and fails when, just before or just
 * after it, the screen shows what a README picture must not (see pictureProblems).
 */
export async function readmePicture(session: VsCodeSession, name: string, subject?: PictureSubject): Promise<void> {
  // The pointer rests in the status bar's empty middle: no hover, no tooltip in the picture.
  const size = session.page.viewportSize();
  if (size) await session.page.mouse.move(size.width / 2, size.height - 2);
  const before = [...(await pictureProblems(session.page)), ...(await missing(subject))];
  await session.screenshot(name);
  const after = [...(await pictureProblems(session.page)), ...(await missing(subject))];
  assert.deepEqual([...new Set([...before, ...after])], [], `${name}.png must not show these`);
}

/** What the picture is of, when it could quietly turn into something else (a walkthrough into the Welcome page). */
export interface PictureSubject {
  description: string;
  locator: Locator;
}

async function missing(subject: PictureSubject | undefined): Promise<string[]> {
  return subject && !(await subject.locator.count()) ? [`no ${subject.description}`] : [];
}

/** Clears every notification (as "Notifications: Clear All Notifications" does) and waits until none shows. */
export async function clearNotifications(session: VsCodeSession): Promise<void> {
  await session.runCommand('Notifications: Clear All Notifications');
  await session.page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll('.notification-toast')).some((toast) =>
        toast.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
      ),
    undefined,
    { timeout: UI_STEP_TIMEOUT_MS },
  );
}
