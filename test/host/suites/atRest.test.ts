import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { linkUri } from '../../../src/vscode/results/openLink';
import { api, emulator, eventually, internals, outputLogText, resetWorld, treeItems } from '../helpers';

const readOrEmpty = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/** Replaces showWarningMessage while `work` runs; returns what it was asked to show. */
async function withWarnings<T>(answer: string | undefined, work: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  const messages: string[] = [];
  const original = vscode.window.showWarningMessage;
  (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string) => {
    messages.push(message);
    return Promise.resolve(answer);
  };
  try {
    return { result: await work(), messages };
  } finally {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
  }
}

describe('trust at rest: secrets in bodies, erasing, files and links', () => {
  beforeEach(resetWorld);

  it('secrets in request bodies reach the API only: not the history file, the answer-cache file, the log or the tree', async () => {
    const password = `pw-canary-${randomBytes(10).toString('hex')}`;
    const token = `tok-canary-${randomBytes(10).toString('hex')}`;
    const { history, historyFile, historyTree, context } = await internals();
    assert.ok(context, 'the extension context is reachable');
    const cacheFile = join(context.globalStorageUri.fsPath, 'answer-cache.json');
    const niamonx = await api();
    // Masking answers switched off by the user: request bodies are masked all the same.
    const config = vscode.workspace.getConfiguration('niamonx');
    await config.update('redactSensitiveFields', false, vscode.ConfigurationTarget.Global);
    let breach, ping;
    try {
      breach = await niamonx.runTool('breaches_search', { query: 'someone@example.com', password });
      ping = await niamonx.runTool('gl_ping', { ip: '8.8.4.4', session_token: token });
    } finally {
      await config.update('redactSensitiveFields', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(breach.ok && ping.ok, true, JSON.stringify([breach, ping]).slice(0, 400));
    const sent = JSON.stringify(await emulator().requests());
    assert.ok(sent.includes(password) && sent.includes(token), 'the API received both bodies as given');

    await history.flush();
    await eventually('the answer cache to be saved', () => readOrEmpty(cacheFile).includes('8.8.4.4'));
    await eventually('the log to hold both runs', () => outputLogText().includes('breaches_search') && outputLogText().includes('8.8.4.4'));
    const tree = JSON.stringify(await treeItems(historyTree));
    const places: [string, string][] = [
      ['history.jsonl', readOrEmpty(historyFile)],
      ['answer-cache.json', readOrEmpty(cacheFile)],
      ['output log', outputLogText()],
      ['history tree', tree],
      ['history list', JSON.stringify(history.list())],
    ];
    assert.ok(places[0][1].includes('8.8.4.4'), 'the history file holds the runs (the scan is not of an empty file)');
    const hits = places.filter(([, text]) => text.includes(password) || text.includes(token)).map(([where]) => where);
    assert.deepEqual(hits, [], `a canary was found in: ${hits.join(', ')}`);
  });

  it('Remove and Clear History: the entries are gone from history.jsonl when the command resolves', async () => {
    const { history, historyFile } = await internals();
    const niamonx = await api();
    for (const ip of ['192.0.2.81', '192.0.2.82']) assert.equal((await niamonx.runTool('gl_ping', ip)).ok, true);
    await history.flush();
    assert.ok(readFileSync(historyFile, 'utf8').includes('192.0.2.81'));
    const removed = history.list().find((record) => record.input === '192.0.2.81');
    assert.ok(removed);

    await vscode.commands.executeCommand('niamonx.history.remove', removed);
    const afterRemove = readFileSync(historyFile, 'utf8');
    assert.ok(!afterRemove.includes('192.0.2.81'), 'the removed entry is not in the file');
    assert.ok(afterRemove.includes('192.0.2.82'), 'the other one is');

    const { result } = await withWarnings('Clear History', () => vscode.commands.executeCommand<boolean>('niamonx.history.clear'));
    assert.equal(result, true);
    assert.ok(!readFileSync(historyFile, 'utf8').includes('192.0.2.82'), 'Clear History left nothing in the file');
    assert.deepEqual(history.list(), []);
  });

  it('Ping All IPs in File refuses a link to /dev/zero and a FIFO with a message, at once, sending nothing', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'niamonx-special-'));
    symlinkSync('/dev/zero', join(dir, 'zero.log'));
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, join(dir, 'pipe-link.log'));
    const cases: [string, RegExp][] = [
      ['zero.log', /zero\.log is a link to \/dev\/zero, which is a device, not a file/],
      ['pipe.log', /pipe\.log is a named pipe \(FIFO\), not a file/],
      ['pipe-link.log', /pipe-link\.log is a link to .*pipe\.log, which is a named pipe \(FIFO\)/],
      ['.', /is a folder, not a file/],
    ];
    for (const [name, expected] of cases) {
      const { result, messages } = await withWarnings(undefined, () =>
        vscode.commands.executeCommand('niamonx.pingAllInFile', vscode.Uri.file(join(dir, name))),
      );
      assert.equal(result, undefined, name);
      assert.equal(messages.length, 1, `${name}: ${messages.join(' | ')}`);
      assert.match(messages[0], expected);
    }
    assert.equal((await emulator().requests()).length, 0, 'nothing was sent');
  });

  it('a link opens exactly the host the check passed; hostile links open nothing', () => {
    assert.equal(linkUri('https://Example.com/a%20b?q=1#f')?.toString(true), 'https://example.com/a b?q=1#f');
    assert.equal(linkUri('https://example.com/path')?.authority, 'example.com');
    for (const hostile of [
      'https://bank.example\\@evil.example',
      'https://bank.example@evil.example',
      'https://bank.example\t@evil.example',
      'https://bänk.example/',
      'javascript:alert(1)',
      'command:workbench.action.terminal.new',
    ]) {
      assert.equal(linkUri(hostile), undefined, hostile);
    }
  });
});
