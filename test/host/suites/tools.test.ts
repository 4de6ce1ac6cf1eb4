import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import { api, emulator, eventually, internals, labelOf, openEditor, resetWorld, select, treeItems } from '../helpers';

const config = () => vscode.workspace.getConfiguration('niamonx');

async function toolItem(label: string): Promise<vscode.TreeItem> {
  const items = await treeItems((await internals()).toolTree);
  const item = items.find((candidate) => labelOf(candidate) === label);
  assert.ok(item, `no tree item "${label}" in ${items.map(labelOf).join(', ')}`);
  return item;
}

const iconId = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon | undefined)?.id;

describe('tool explorer and catalog', () => {
  beforeEach(resetWorld);
  afterEach(() => config().update('tools', undefined, vscode.ConfigurationTarget.Global));

  it('lists the built-in tools grouped by category', async () => {
    const names = (await api()).listTools().map((tool) => tool.name);
    for (const builtin of ['gl_ping', 'breaches_search', 'breaches_s_v2', 'ulp_search']) assert.ok(names.includes(builtin), builtin);
    const labels = (await treeItems((await internals()).toolTree)).map(labelOf);
    assert.ok(labels.includes('Network'), labels.join(', '));
    assert.equal((await toolItem('Ping')).contextValue, 'tool.idle');
  });

  it('shows disabled, unknown and cooling-down states learned from 403, 404 and 429', async () => {
    await config().update('tools', [{ name: 'gone_tool', label: 'Gone', inputKind: 'text' }], vscode.ConfigurationTarget.Global);
    await eventually('the user tool in the catalog', async () => (await api()).listTools().some((tool) => tool.name === 'gone_tool'));
    await emulator().configure({ disabledTools: ['breaches_search'], cooldownSeconds: 90 });
    const niamonx = await api();
    await niamonx.runTool('breaches_search', 'someone@example.com');
    await niamonx.runTool('gone_tool', 'x');
    await niamonx.runTool('gl_ping', '1.1.1.1');
    await niamonx.runTool('gl_ping', '1.1.1.2');

    const disabled = await toolItem('Breach search');
    assert.equal(iconId(disabled), 'circle-slash');
    assert.match(String(disabled.description), /disabled/);
    const unknown = await toolItem('Gone');
    assert.equal(iconId(unknown), 'question');
    const cooling = await toolItem('Ping');
    assert.equal(iconId(cooling), 'watch');
    assert.match(String(cooling.description), /cooling down \d+ s/);
    assert.equal(niamonx.listTools().find((tool) => tool.name === 'gl_ping')?.state.kind, 'cooling-down');
  });

  it('runs a tool clicked in the tree on the editor selection', async () => {
    const editor = await openEditor('login failure for alice@example.com from 198.51.100.23');
    select(editor, 'alice@example.com');
    const item = await toolItem('Breach search');
    assert.ok(item.command, 'a click runs the tool');
    const run = await vscode.commands.executeCommand<ToolRun>(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(run?.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.equal(request.tool, 'breaches_search');
    assert.deepEqual(request.body, { query: 'alice@example.com' });
  });

  it('adds user-defined tools from settings, shows invalid ones with their reason and never sends them', async () => {
    await emulator().configure({ extraTools: { whois_lookup: { kind: 'echo' } } });
    await config().update(
      'tools',
      [
        {
          name: 'whois_lookup',
          label: 'WHOIS',
          description: 'WHOIS record',
          category: 'Registry',
          inputKind: 'domain',
          body: { domain: '${input}', full: true },
        },
        { name: 'bad/name', label: 'Broken' },
      ],
      vscode.ConfigurationTarget.Global,
    );
    const whois = await eventually('the WHOIS tool in the tree', async () =>
      (await treeItems((await internals()).toolTree)).find((item) => labelOf(item) === 'WHOIS'),
    );
    assert.ok(whois);
    const labels = (await treeItems((await internals()).toolTree)).map(labelOf);
    assert.ok(labels.includes('Registry'), 'the user category is a group');
    const invalidItem = (await treeItems((await internals()).toolTree)).find((item) => item.contextValue === 'invalidTool');
    assert.ok(invalidItem, 'the invalid entry is shown');
    assert.match(String(invalidItem.description), /name/);

    const run = await (await api()).runTool('whois_lookup', 'Example.COM');
    assert.equal(run.ok, true, JSON.stringify(run));
    const [request] = await emulator().requests();
    assert.deepEqual(request.body, { domain: 'example.com', full: true });
    assert.equal((await emulator().requests()).filter((r) => r.path.includes('bad')).length, 0);
  });

  it('offers Ping and Run Tool links in a hover over an IP, trusting only those commands', async () => {
    const editor = await openEditor('Nov 26 sshd[1]: Failed password for root from 203.0.113.9 port 22');
    const offset = editor.document.getText().indexOf('203.0.113.9') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.document.positionAt(offset),
    );
    const ours = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))
      .find((text) => text.includes('NiamonX'));
    assert.ok(ours, 'a NiamonX hover is shown');
    assert.match(ours, /command:niamonx\.ping\?/);
    assert.match(ours, /command:niamonx\.runTool\?/);
    assert.match(ours, /203\.0\.113\.9/);
    assert.deepEqual(await emulator().requests(), [], 'a hover spends no API call');

    await config().update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const off = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        editor.document.positionAt(offset),
      );
      const none = off
        .flatMap((hover) => hover.contents)
        .some((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value).includes('NiamonX'));
      assert.equal(none, false, 'the setting turns hovers off');
    } finally {
      await config().update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('runs a hover link command with the IP as argument', async () => {
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping', '192.0.2.77');
    assert.equal(run?.ok, true, JSON.stringify(run));
    assert.deepEqual((await emulator().requests())[0].body, { ip: '192.0.2.77' });
  });

  it('takes command arguments in each documented shape: { tool, input }, a tool name, a tree node, a record id', async () => {
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.runTool', { tool: 'gl_ping', input: '192.0.2.78' });
    assert.equal(run?.ok, true, JSON.stringify(run));
    const editor = await openEditor('probe from 192.0.2.79');
    select(editor, '192.0.2.79');
    assert.equal((await vscode.commands.executeCommand<ToolRun>('niamonx.tree.runTool', 'gl_ping'))?.ok, true);
    const fromNode = await vscode.commands.executeCommand<ToolRun>('niamonx.tree.runTool', { tool: { name: 'gl_ping' } });
    assert.equal(fromNode?.ok && fromNode.cached, true, 'the same tool and input again, answered from the cache');
    assert.deepEqual(
      (await emulator().requests()).map((request) => request.body),
      [{ ip: '192.0.2.78' }, { ip: '192.0.2.79' }],
    );
    const [latest] = await treeItems((await internals()).historyTree);
    const id = (latest.command!.arguments![0] as { id: string }).id;
    assert.equal((await vscode.commands.executeCommand<ToolRun>('niamonx.history.runAgain', id))?.ok, true);
    assert.equal((await emulator().requests()).length, 3);
  });

  it('ignores command arguments of the wrong shape instead of trusting them', async () => {
    assert.equal(await vscode.commands.executeCommand('niamonx.tree.runTool', { tool: { name: 42 } }), undefined);
    assert.equal(await vscode.commands.executeCommand('niamonx.history.runAgain', { id: ['x'] }), undefined);
    assert.equal(await vscode.commands.executeCommand('niamonx.history.export', 42), undefined);
    assert.equal((await emulator().requests()).length, 0);
  });
});
