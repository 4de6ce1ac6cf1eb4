import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, emulator, internals, resetWorld } from '../helpers';

const IP = '198.51.100.88';

/** Answers the extension's next warning with `choice` (the extension and the tests share one `vscode`). */
async function answeringWarning<T>(choice: string | undefined, work: () => Thenable<T>): Promise<{ result: T; asked: string[] }> {
  const asked: string[] = [];
  const showWarning = vscode.window.showWarningMessage;
  vscode.window.showWarningMessage = (message: string, options?: vscode.MessageOptions) => {
    asked.push(`${message}\n${options?.detail ?? ''}`);
    return Promise.resolve(choice);
  };
  try {
    return { result: await work(), asked };
  } finally {
    vscode.window.showWarningMessage = showWarning;
  }
}

describe('Delete All Local Data', () => {
  beforeEach(resetWorld);
  afterEach(resetWorld);

  it('lists what it deletes; declined, it deletes nothing', async () => {
    await (await api()).runTool('gl_ping', IP);
    const held = (await internals()).history.list().length;
    assert.ok(held >= 1);
    const { result, asked } = await answeringWarning(undefined, () => vscode.commands.executeCommand('niamonx.deleteAllLocalData'));
    assert.equal(result, false);
    assert.ok(asked[0].includes(`the history: ${held} result`), asked[0]);
    assert.match(asked[0], /the cache of answers/);
    assert.match(asked[0], /today's call counts/);
    assert.match(asked[0], /the API key in secret storage/);
    assert.equal((await internals()).history.list().length, held, 'the history is kept');
  });

  it('deletes the history and the cache from disk, the call counts and the key', async () => {
    const { history, historyFile, globalState, context } = await internals();
    assert.ok(context, 'the extension context, for the storage folder');
    await (await api()).runTool('gl_ping', IP);
    await history.flush();
    const { result } = await answeringWarning('Delete All', () => vscode.commands.executeCommand('niamonx.deleteAllLocalData'));
    assert.equal(result, true);
    assert.deepEqual(history.list(), []);
    if (existsSync(historyFile)) assert.ok(!readFileSync(historyFile, 'utf8').includes(IP), 'the history file holds the run no more');
    const cacheFile = join(context.globalStorageUri.fsPath, 'answer-cache.json');
    if (existsSync(cacheFile)) assert.ok(!readFileSync(cacheFile, 'utf8').includes(IP), 'the cache file holds the answer no more');
    assert.equal(globalState.get<{ total?: number }>('niamonx.usageToday')?.total ?? 0, 0, 'no calls counted');
    const sent = (await emulator().requests()).length;
    const run = await (await api()).runTool('gl_ping', IP);
    assert.equal(!run.ok && run.error.kind, 'auth', 'no key: the run is refused, not answered from a cache');
    assert.equal((await emulator().requests()).length, sent, 'nothing was sent');
  });
});
