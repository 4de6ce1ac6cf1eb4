import { UI_STEP_TIMEOUT_MS, type VsCodeSession } from '../harness';

/** The open walkthrough's steps, and its first two done as a newcomer does them: each with its own button. */
export function walkthroughSteps(session: VsCodeSession) {
  const page = session.page.locator('.gettingStartedContainer');
  const step = (id: string) => page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
  const checked = (id: string) => step(id).locator('.codicon-getting-started-step-checked').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  return {
    page,
    step,
    checked,
    /** Set API Key with the test key; resolves when its check mark shows. */
    async setKey(): Promise<void> {
      await step('setKey').click();
      await step('setKey').getByRole('button', { name: 'Set API Key' }).click();
      await session.typeInQuickInput(session.testKey);
      await session.workbench.waitForQuickInputClosed();
      await checked('setKey');
    },
    /** Starts the Ping step's button on `ip` (the caller waits for what the ping must show). */
    async startPing(ip: string): Promise<void> {
      await step('ping').click();
      await step('ping').getByRole('button', { name: 'Ping' }).click();
      await session.typeInQuickInput(ip);
    },
  };
}
