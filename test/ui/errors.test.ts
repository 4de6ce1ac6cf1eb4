import * as assert from 'node:assert/strict';
import { useVsCodeSession, UI_STEP_TIMEOUT_MS } from '../harness';
import { openNiamonxSidebar } from './resultWebview';

// Every answer of the contract gets its own clear message and next step; cancelling is quiet;
// with no key the sidebar explains what to do. Nothing here may spend a call the user did not ask for.
describe('UI: messages and next steps', function () {
  this.timeout(180_000);

  const toast = (text: RegExp) => session.workbench.notification(text);
  const toastButton = (text: RegExp, label: string) => toast(text).locator('.monaco-button', { hasText: label }).first();

  /** Ping a typed address from the palette (no editor target). */
  async function pingTyped(ip: string): Promise<void> {
    await session.runCommand('NiamonX: Ping');
    await session.typeInQuickInput(ip);
  }

  /**
   * Waits for a message as a toast, or else in the notification centre: VS Code 1.139 sometimes
   * files a notification there without showing its toast (it is the same message either way).
   */
  async function shown(text: RegExp): Promise<void> {
    const appeared = await toast(text)
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (appeared) return;
    await session.runCommand('Notifications: Show Notifications');
    await session.page
      .locator('.notifications-center .notification-list-item', { hasText: text })
      .first()
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.runCommand('Notifications: Hide Notifications');
  }

  async function dismissToasts(): Promise<void> {
    await session.runCommand('Notifications: Clear All Notifications');
    await session.page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS })
      .catch(() => undefined);
  }

  const session = useVsCodeSession({ suite: 'messages' });

  it('without a key: the sidebar welcome offers Set API Key and the emulator, and Ping asks for a key without a call', async function () {
    await openNiamonxSidebar(session.page);
    const welcome = session.page.locator('.welcome-view-content', { hasText: 'needs an API key' }).first();
    await welcome.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await welcome.locator('.monaco-button', { hasText: 'Set API Key' }).first().waitFor();
    // The emulator entry is for development mode only: an installed extension never offers it.
    const emulatorButton = welcome.locator('.monaco-button', { hasText: 'Try the Emulator' }).first();
    if (session.developmentMode) await emulatorButton.waitFor();
    else assert.equal(await emulatorButton.count(), 0, 'an installed extension offers no emulator');
    await session.screenshot('welcome-without-key');

    await pingTyped('1.1.1.1');
    await toast(/No NiamonX API key is set/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('no-key-message');
    assert.equal(session.emulator.requests.length, 0, 'no call without a key');
    await toastButton(/No NiamonX API key is set/, 'Set API Key').click();
    await session.workbench.quickInputBox.waitFor();
    assert.equal(await session.workbench.quickInputBox.getAttribute('type'), 'password');
    await session.typeInQuickInput('nx-not-a-real-key-0000000');
    await session.workbench.waitForQuickInputClosed();
    await dismissToasts();
  });

  it('a key the API refuses (401): says so and offers Set API Key', async function () {
    await pingTyped('1.1.1.1');
    await toast(/did not accept the API key/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await toastButton(/did not accept the API key/, 'Set API Key').waitFor();
    await session.screenshot('401-message');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping');
    assert.equal(request.status, 401);
    await dismissToasts();
    // Put the right key in for the next tests.
    await session.runCommand('NiamonX: Set API Key');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
  });

  it('a disabled tool (403) and a cooldown (429) each get their own message', async function () {
    session.emulator.configure({ disabledTools: ['gl_ping'] });
    await pingTyped('8.8.8.8');
    await shown(/gl_ping is disabled/);
    await session.screenshot('403-message');
    await dismissToasts();

    session.emulator.configure({ disabledTools: [], cooldownSeconds: 300 });
    await pingTyped('8.8.4.4');
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && r.status === 200);
    await pingTyped('9.9.9.9');
    await toast(/cooling down.*Retry in \d+ (s|min)/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('429-message');
    await dismissToasts();
  });

  it('Cancel on the progress notification aborts the call quietly', async function () {
    session.emulator.reset();
    session.emulator.configure({ latencyMs: 60_000 });
    // Storing the key again forgets the cooldown the extension learned in the previous test.
    await session.runCommand('NiamonX: Set API Key');
    await session.typeInQuickInput(session.testKey);
    await session.workbench.waitForQuickInputClosed();
    await pingTyped('77.88.55.99');
    await session.emulator.waitForArrival((r) => r.tool === 'gl_ping', 20_000);
    const progress = toast(/NiamonX Ping/);
    await progress.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
    const recorded = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    assert.equal(recorded.status, 0, 'the client went away before the answer');
    await progress.waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(
      await session.page.locator('.notifications-toasts .notification-toast', { hasText: /Cancelled|failed/ }).count(),
      0,
      'cancelling shows no error',
    );
    session.emulator.configure({ latencyMs: 0 });
  });
});
