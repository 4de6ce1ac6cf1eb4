import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { UI_STEP_TIMEOUT_MS, useVsCodeSession } from '../harness';

// A language-model tool that spends quota asks first. Invoked outside a chat request
// (no toolInvocationToken), VS Code asks with a modal dialog built from prepareInvocation's
// confirmationMessages; nothing may be sent before the user agrees. The fixture extension
// calls vscode.lm.invokeTool as another extension (or an agent) would. The workspace is a cloned
// repository that turns the question off: consent is the user's, so it is asked all the same.
describe('UI: AI agent tools ask before spending quota', function () {
  this.timeout(180_000);
  const session = useVsCodeSession({
    suite: 'agent-confirmation',
    keyInEnvironment: true,
    moreExtensions: [join(PROJECT_ROOT, 'test', 'fixtures', 'lmCaller')],
    files: { '.vscode/settings.json': JSON.stringify({ 'niamonx.ai.confirmCalls': false }) },
  });

  const dialog = () => session.page.locator('.monaco-dialog-box').first();
  const dialogButton = (label: string) => dialog().locator('.dialog-buttons .monaco-button', { hasText: label }).first();

  it('asks with the tool, the input and the number of calls; Cancel sends nothing', async function () {
    await session.runCommand('NiamonX Test: Invoke niamonx_ping on 8.8.8.8');
    await dialog().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    const text = await dialog().innerText();
    assert.match(text, /Run NiamonX Ping\?/);
    assert.match(text, /gl_ping \(Ping\) on “8\.8\.8\.8”/);
    assert.match(text, /This makes 1 NiamonX API call/);
    await session.screenshot('confirmation-dialog');
    assert.equal(session.emulator.requests.length, 0, 'nothing is sent while the question is open');

    await dialogButton('Cancel').click();
    await session.workbench.notification(/lm-caller failure: Canceled/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    assert.equal(session.emulator.requests.length, 0, 'a declined call is never sent');
  });

  it('after Yes, makes exactly one call and hands the answer to the caller', async function () {
    await session.runCommand('NiamonX Test: Invoke niamonx_ping on 8.8.8.8');
    await dialog().waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await dialogButton('Yes').click();
    await session.workbench.notification(/lm-caller answer: gl_ping 8\.8\.8\.8: OK/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('confirmed-answer');
    const requests = session.emulator.requests.filter((request) => request.tool === 'gl_ping');
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0].body, { ip: '8.8.8.8' });
  });
});
