import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import { emulator, openEditor, placeCursor, resetWorld, select } from '../helpers';

const REPORT = [
  'IOCs from the incident report:',
  '  C2 at 198[.]51[.]100[.]23 and hxxps://evil[.]example[.]com/gate',
  '  second stage 2001[:]db8[:][:]7',
].join('\n');

describe('defanged indicators in a real editor', () => {
  beforeEach(resetWorld);

  it('pings a defanged IP under the cursor, sent refanged', async () => {
    const editor = await openEditor(REPORT);
    placeCursor(editor, '198[.]51[.]100[.]23', 6);
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
    assert.equal(run?.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.deepEqual(request.body, { ip: '198.51.100.23' });
  });

  it('pings a selected defanged IPv6, sent refanged', async () => {
    const editor = await openEditor(REPORT);
    select(editor, '2001[:]db8[:][:]7');
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
    assert.equal(run?.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.deepEqual(request.body, { ip: '2001:db8::7' });
  });

  it('shows the hover over a defanged IP with the refanged address, over the whole written span', async () => {
    const editor = await openEditor(REPORT);
    const written = '198[.]51[.]100[.]23';
    const offset = editor.document.getText().indexOf(written) + 8;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.document.positionAt(offset),
    );
    const ours = hovers.find((hover) =>
      hover.contents.some((content) =>
        (typeof content === 'string' ? content : (content as vscode.MarkdownString).value).includes('NiamonX'),
      ),
    );
    assert.ok(ours, 'a NiamonX hover is shown');
    const text = ours.contents
      .map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))
      .join('\n');
    assert.match(text, /198\.51\.100\.23/);
    assert.equal(ours.range && editor.document.getText(ours.range), written);
    assert.deepEqual(await emulator().requests(), [], 'a hover spends no API call');
  });
});
