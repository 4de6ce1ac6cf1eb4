import { UI_STEP_TIMEOUT_MS, type VsCodeSession } from '../harness';

/**
 * The open walkthrough's steps, and its first two done as a newcomer does them: each with its
 * own button. Only the walkthrough on screen counts: the Welcome page keeps it in its DOM,
 * moved aside and transparent, when it goes back to its start page.
 */
export function walkthroughSteps(session: VsCodeSession) {
  const page = session.page.locator('.gettingStartedContainer .gettingStarted.showDetails');
  const step = (id: string) => page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
  const checked = (id: string) => step(id).locator('.codicon-getting-started-step-checked').waitFor({ timeout: UI_STEP_TIMEOUT_MS });
  /** Opens a step by its title (a click elsewhere on an open step can land on its button) and clicks its button. */
  const clickButton = async (id: string, button: string) => {
    await step(id).locator('.step-title').click();
    const link = step(id).getByRole('button', { name: button });
    await link.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await link.click();
  };
  return {
    page,
    step,
    checked,
    /** Set API Key with the test key; resolves when its check mark shows. */
    async setKey(): Promise<void> {
      await clickButton('setKey', 'Set API Key');
      await session.workbench.waitForQuickInputTitled('NiamonX: Set API Key');
      await session.typeInQuickInput(session.testKey);
      await session.workbench.waitForQuickInputClosed();
      await checked('setKey');
    },
    /** Starts the Ping step's button on `ip`; resolves once its input box took it (the caller waits for what the ping must show). */
    async startPing(ip: string): Promise<void> {
      await clickButton('ping', 'Ping');
      await session.workbench.waitForQuickInputTitled('NiamonX: Ping');
      await session.typeInQuickInput(ip);
      await session.workbench.waitForQuickInputClosed();
    },
  };
}
