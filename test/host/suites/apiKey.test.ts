import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { api, emulator, resetWorld, testKey } from '../helpers';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('API key in SecretStorage', () => {
  beforeEach(resetWorld);

  it('sends the stored key as X-API-Key', async () => {
    const run = await (await api()).runTool('gl_ping', '9.9.9.9');
    assert.equal(run.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.equal(request.keyHash, sha256(testKey()));
  });

  it('refuses an invalid key and keeps the previous one', async () => {
    const saved = await vscode.commands.executeCommand('niamonx.setApiKey', 'has a space');
    assert.equal(saved, false);
    const run = await (await api()).runTool('gl_ping', '9.9.9.10');
    assert.equal(run.ok, true, 'the earlier key must still work');
  });

  it('after Clear API Key, runs fail with an auth error and no request is made', async () => {
    await vscode.commands.executeCommand('niamonx.clearApiKey');
    const run = await (await api()).runTool('gl_ping', '9.9.9.11');
    assert.equal(run.ok, false);
    if (!run.ok) {
      assert.equal(run.error.kind, 'auth');
      assert.match(run.error.message, /Set API Key/);
    }
    assert.deepEqual(await emulator().requests(), []);
  });

  it('reports a revoked key as auth (401) with a way to set it again', async () => {
    await emulator().keys([], [testKey()]);
    try {
      const run = await (await api()).runTool('gl_ping', '9.9.9.12');
      assert.equal(run.ok, false);
      if (!run.ok) {
        assert.equal(run.error.kind, 'auth');
        assert.equal(run.status, 401);
        assert.ok(!run.error.message.includes(testKey()), 'the key must never appear in an error');
      }
    } finally {
      await emulator().keys([testKey()], []);
    }
  });
});
