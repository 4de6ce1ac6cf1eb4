import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import type { IndicatorTerminalLink } from '../../../src/vscode/terminal/terminalLinks';
import { emulator, internals, openEditor, resetWorld } from '../helpers';

/** Answers the next quick pick with the item labelled `label` (undefined: dismissed), recording what was offered. */
async function withQuickPick<T>(label: string | undefined, work: () => Promise<T>): Promise<{ result: T; offered: string[] }> {
  const offered: string[] = [];
  const original = vscode.window.showQuickPick;
  (vscode.window as { showQuickPick: unknown }).showQuickPick = async (
    items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
  ) => {
    const list = await items;
    offered.push(...list.map((item) => item.label));
    return list.find((item) => item.label === label);
  };
  try {
    return { result: await work(), offered };
  } finally {
    (vscode.window as { showQuickPick: unknown }).showQuickPick = original;
  }
}

async function linksOf(line: string): Promise<IndicatorTerminalLink[]> {
  const provider = (await internals()).terminalLinks;
  assert.ok(provider, 'the terminal link provider is registered');
  const terminal = undefined as unknown as vscode.Terminal;
  return provider.provideTerminalLinks({ line, terminal });
}

describe('indicators in the terminal', () => {
  beforeEach(resetWorld);

  it('IPs, domains and emails (defanged too) printed in a terminal are links; providing them sends nothing', async () => {
    const line = 'PING 9.9.9.9: 56 data bytes; from bob[@]evil[.]com via mail.evil-example.com 5.6.7.8.9';
    const links = await linksOf(line);
    assert.deepEqual(
      links.map((link) => [line.slice(link.startIndex, link.startIndex + link.length), link.target.value]),
      [
        ['9.9.9.9', '9.9.9.9'],
        ['bob[@]evil[.]com', 'bob@evil.com'],
        ['mail.evil-example.com', 'mail.evil-example.com'],
      ],
    );
    assert.deepEqual(await emulator().requests(), []);
  });

  it('activating an IP link offers Ping, Run Tool…, Copy Defanged; Ping makes exactly one call', async () => {
    const [link] = await linksOf('reply from 9.9.9.9 time=12ms');
    const provider = (await internals()).terminalLinks!;
    const dismissed = await withQuickPick(undefined, () => provider.activate(link));
    assert.deepEqual(dismissed.offered, ['Ping', 'Run Tool…', 'Copy Defanged']);
    assert.deepEqual(await emulator().requests(), [], 'nothing until the user picks');
    const { result } = await withQuickPick('Ping', () => provider.activate(link));
    assert.equal((result as ToolRun).ok, true, JSON.stringify(result));
    const requests = await emulator().requests();
    assert.deepEqual(
      requests.map((request) => [request.tool, request.body]),
      [['gl_ping', { ip: '9.9.9.9' }]],
    );
  });

  it('Copy Defanged from a link puts the defanged value on the clipboard; a listed or private address is refused on Ping', async () => {
    const provider = (await internals()).terminalLinks!;
    const [domain] = await linksOf('resolving evil-example.com ...');
    await withQuickPick('Copy Defanged', () => provider.activate(domain));
    assert.equal(await vscode.env.clipboard.readText(), 'evil-example[.]com');
    const [private_] = await linksOf('ping 10.1.2.3');
    const { result } = await withQuickPick('Ping', () => provider.activate(private_));
    assert.equal((result as ToolRun).ok, false);
    assert.deepEqual(await emulator().requests(), []);
  });

  it('a huge line costs bounded work: only its start is scanned', async () => {
    const line = `${'9.9.9.9 '.repeat(200_000)}`;
    const started = performance.now();
    const links = await linksOf(line);
    assert.ok(performance.now() - started < 200, 'well within the extension host budget');
    assert.ok(links.length <= 64 && links.length > 0, `${links.length} links`);
  });
});

describe('free transforms (no quota)', () => {
  beforeEach(resetWorld);
  const log = 'login from 8.8.8.8:53 and https://evil.com/x by bob@evil.com, 5.6.7.8.9';

  it('Defang Selection then Refang Selection give the text back (and send nothing)', async () => {
    const editor = await openEditor(log);
    const whole = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(log.length));
    editor.selection = whole;
    assert.equal(await vscode.commands.executeCommand('niamonx.defangSelection'), true);
    const defanged = editor.document.getText();
    assert.equal(defanged, 'login from 8[.]8[.]8[.]8:53 and hxxps://evil[.]com/x by bob[@]evil[.]com, 5.6.7.8.9');
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(defanged.length));
    assert.equal(await vscode.commands.executeCommand('niamonx.refangSelection'), true);
    assert.equal(editor.document.getText(), log);
    assert.deepEqual(await emulator().requests(), []);
  });

  it('Copy as Defanged copies the indicator under the cursor', async () => {
    const editor = await openEditor('peer 2606:4700:4700::1111 closed');
    const offset = editor.document.getText().indexOf('2606');
    editor.selection = new vscode.Selection(editor.document.positionAt(offset + 2), editor.document.positionAt(offset + 2));
    assert.equal(await vscode.commands.executeCommand('niamonx.copyDefanged'), '2606[:]4700[:]4700[:][:]1111');
    assert.equal(await vscode.env.clipboard.readText(), '2606[:]4700[:]4700[:][:]1111');
  });

  it('Extract Indicators opens a new document with counts, most frequent first, public and non-public apart', async () => {
    await openEditor('8.8.8.8 1.1.1.1 8[.]8[.]8[.]8 10.0.0.1 8.8.8.8 evil[.]com bob@evil.com');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('niamonx.extractIndicators');
    assert.ok(document);
    assert.equal(document.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.match(
      text,
      /## IPv4 addresses \(3\)\n\n### Public \(2\)\n\n {5}3 {2}8\.8\.8\.8\n {5}1 {2}1\.1\.1\.1\n\n### Non-public or on your never-send list \(1\)\n\n {5}1 {2}10\.0\.0\.1/,
    );
    assert.match(text, /## Domains \(1\)/);
    assert.match(text, /## Email addresses \(1\)/);
    assert.deepEqual(await emulator().requests(), []);
  });
});
