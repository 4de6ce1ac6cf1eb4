import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import { failed } from '../../util/failed';
import { api, emulator, resetWorld, testKey } from '../helpers';

/** The failed run; the key must never appear in its error. */
function failure(run: ToolRun) {
  const failure = failed(run);
  assert.ok(!failure.error.message.includes(testKey()), 'the key must never appear in an error');
  return failure;
}

describe('public API runTool: every answer of the contract', () => {
  beforeEach(resetWorld);
  afterEach(() =>
    vscode.workspace.getConfiguration('niamonx').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global),
  );

  it('returns data, status and duration on success, and caches it', async () => {
    const niamonx = await api();
    const run = await niamonx.runTool('gl_ping', '8.8.4.4');
    assert.equal(run.ok, true);
    if (run.ok) {
      assert.equal(run.status, 200);
      assert.equal((run.data as { ip?: string }).ip, '8.8.4.4');
      assert.ok(run.durationMs >= 0);
    }
    const again = await niamonx.runTool('gl_ping', '8.8.4.4');
    assert.equal(again.ok && again.cached, true, 'the repeat is answered from the cache');
    assert.equal((await emulator().requests()).length, 1, 'one API call for two identical runs');
  });

  it('sends an object input as the body', async () => {
    await (await api()).runTool('gl_ping', { ip: '9.9.9.9' });
    const [request] = await emulator().requests();
    assert.deepEqual(request.body, { ip: '9.9.9.9' });
  });

  it('400 → validation with the server message', async () => {
    const run = failure(await (await api()).runTool('gl_ping', { ip: 'not-an-ip' }));
    assert.equal(run.error.kind, 'validation');
    assert.equal(run.status, 400);
  });

  it('403 → disabled, and the tool shows as disabled', async () => {
    await emulator().configure({ disabledTools: ['gl_ping'] });
    const niamonx = await api();
    const run = failure(await niamonx.runTool('gl_ping', '8.8.8.8'));
    assert.equal(run.error.kind, 'disabled');
    assert.equal(niamonx.listTools().find((tool) => tool.name === 'gl_ping')?.state.kind, 'disabled');
  });

  it('404 → unknown-tool', async () => {
    const run = failure(await (await api()).runTool('no_such_tool', { value: 'x' }));
    assert.equal(run.error.kind, 'unknown-tool');
    assert.equal(run.status, 404);
  });

  it('429 → rate-limit with retryAfterSeconds, then no request while cooling down', async () => {
    await emulator().configure({ cooldownSeconds: 120 });
    const niamonx = await api();
    assert.equal((await niamonx.runTool('gl_ping', '8.8.8.1')).ok, true);
    const limited = failure(await niamonx.runTool('gl_ping', '8.8.8.2'));
    assert.equal(limited.error.kind, 'rate-limit');
    assert.ok(
      limited.error.retryAfterSeconds! > 100 && limited.error.retryAfterSeconds! <= 120,
      `retryAfterSeconds ${limited.error.retryAfterSeconds}`,
    );
    const local = failure(await niamonx.runTool('gl_ping', '8.8.8.3'));
    assert.equal(local.error.kind, 'rate-limit');
    assert.equal((await emulator().requests()).length, 2, 'the third run was refused locally');
  });

  it('a 200 with an HTML body → bad-response naming status and content type', async () => {
    await emulator().fault({ type: 'html', status: 200 });
    const run = failure(await (await api()).runTool('gl_ping', '8.8.8.8'));
    assert.equal(run.error.kind, 'bad-response');
    assert.match(run.error.message, /HTTP 200, text\/html/);
  });

  it('a slow answer → timeout naming the setting', async () => {
    await vscode.workspace.getConfiguration('niamonx').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await emulator().configure({ latencyMs: 5000 });
    const run = failure(await (await api()).runTool('gl_ping', '8.8.8.8'));
    assert.equal(run.error.kind, 'timeout');
    assert.match(run.error.message, /niamonx\.requestTimeoutSeconds/);
  });

  it('an aborted signal → cancelled', async () => {
    await emulator().configure({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = (await api()).runTool('gl_ping', '8.8.8.8', { signal: controller.signal });
    controller.abort();
    const run = failure(await pending);
    assert.equal(run.error.kind, 'cancelled');
  });

  it('refuses an http:// base URL that is not loopback without sending anything', async () => {
    // apiBaseUrl is application-scoped: the Global target is the user's settings.
    const config = vscode.workspace.getConfiguration('niamonx');
    const previous = config.inspect<string>('apiBaseUrl')?.globalValue;
    await config.update('apiBaseUrl', 'http://example.com/api/v2', vscode.ConfigurationTarget.Global);
    try {
      const run = failure(await (await api()).runTool('gl_ping', '8.8.8.8'));
      assert.equal(run.error.kind, 'config');
      assert.match(run.error.message, /https/);
    } finally {
      await config.update('apiBaseUrl', previous, vscode.ConfigurationTarget.Global);
    }
  });
});
