import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import { emulator, eventually, openEditor, outputLogText, placeCursor, resetWorld, select, testKey } from '../helpers';

const LOG = [
  '2026-11-26T09:00:01Z sshd[811]: Failed password for root from 203.0.113.5 port 22 ssh2',
  '127.0.0.1 - - [26/Nov/2026:09:00:02 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.5" upstream="1.1.1.1",',
  'note: not an ip here',
].join('\n');

describe('niamonx.ping in a real editor', () => {
  beforeEach(resetWorld);

  it('pings the selected IP and logs the answer in the NiamonX output channel', async () => {
    const editor = await openEditor(LOG);
    select(editor, '1.1.1.1');
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
    assert.equal(run?.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.equal(request.tool, 'gl_ping');
    assert.deepEqual(request.body, { ip: '1.1.1.1' });
    const log = await eventually('the ping in the output log', () => {
      const text = outputLogText();
      return text.includes('gl_ping 1.1.1.1 → OK') && text;
    });
    assert.match(log, /gl_ping 1\.1\.1\.1 → OK HTTP 200 in \d+ ms/);
    assert.match(log, /"ip":"1\.1\.1\.1"/, 'the emulator answer is in the log');
    assert.ok(!log.includes(testKey()), 'the key must never be logged');
  });

  it('pings the IP under the cursor when nothing is selected', async () => {
    const editor = await openEditor(LOG);
    placeCursor(editor, '203.0.113.5', 4);
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
    assert.equal(run?.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.deepEqual(request.body, { ip: '203.0.113.5' });
  });

  it('reports a selection that is not an IP locally, sends nothing and keeps the selection', async () => {
    const editor = await openEditor(LOG);
    const selection = select(editor, 'not an ip');
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
    assert.equal(run?.ok, false);
    if (run && !run.ok) assert.equal(run.error.kind, 'validation');
    assert.deepEqual(await emulator().requests(), []);
    assert.ok(editor.selection.isEqual(selection), 'the selection is untouched');
  });
});
