import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import {
  api,
  emulator,
  eventually,
  internals,
  labelOf,
  openEditor,
  outputLogText,
  resetWorld,
  select,
  testKey,
  treeItems,
} from '../helpers';

/** The plaintext passwords a raw answer holds (the emulator returns them, like the real API). */
function passwordsIn(data: unknown): string[] {
  const records = (data as { records?: { password?: string | null; pass?: string }[] }).records ?? [];
  return records.map((record) => record.password ?? record.pass ?? '').filter((password) => password.length >= 6);
}

async function historyLabels(): Promise<string[]> {
  return (await treeItems((await internals()).historyTree)).map(labelOf);
}

describe('results: panel, history, export, redaction', () => {
  beforeEach(resetWorld);

  it('opens one results panel per tool and input and reuses it', async () => {
    const { panels } = await internals();
    const before = panels.openPanels.size;
    const editor = await openEditor('upstream 1.0.0.1 timed out');
    select(editor, '1.0.0.1');
    await vscode.commands.executeCommand('niamonx.ping');
    await eventually('a results panel', () => panels.openPanels.size === before + 1);
    const [panel, result] = [...panels.openPanels].at(-1)!;
    assert.match(panel.title, /1\.0\.0\.1/);
    assert.equal(result.record.tool, 'gl_ping');
    await vscode.commands.executeCommand('niamonx.ping', '1.0.0.1');
    assert.equal(panels.openPanels.size, before + 1, 'the same tool and input reuse the panel');
  });

  it('a history that cannot save loses no result: the single run and the bulk run still open their panel', async () => {
    const { panels, history } = await internals();
    const add = history.add.bind(history);
    history.add = () => Promise.reject(new Error('disk full'));
    try {
      const editor = await openEditor('upstream 1.0.0.2 and 1.0.0.3 timed out');
      select(editor, '1.0.0.2');
      const run = await vscode.commands.executeCommand<ToolRun>('niamonx.ping');
      assert.equal(run?.ok, true, 'the single run resolves with its answer');
      await eventually('its panel', () => [...panels.openPanels.values()].some((shown) => shown.record.input === '1.0.0.2'));
      editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      const summary = await vscode.commands.executeCommand<{ counts: { unique: number } }>('niamonx.pingAllInSelection');
      assert.equal(summary?.counts.unique, 2, 'the bulk run resolves with its summary');
      await eventually('the bulk panel', () => [...panels.openPanels.values()].some((shown) => shown.record.bulk !== undefined));
      await eventually('the failure in the log', () => /Could not save a result to the history: disk full/.test(outputLogText()));
    } finally {
      history.add = add;
    }
  });

  it('lists runs in the Results view, newest first, and reopens them without an API call', async () => {
    const niamonx = await api();
    await niamonx.runTool('gl_ping', '198.51.100.1');
    await niamonx.runTool('gl_ping', '198.51.100.2');
    const labels = await historyLabels();
    assert.equal(labels[0], 'Ping: 198.51.100.2');
    assert.equal(labels[1], 'Ping: 198.51.100.1');
    const [item] = await treeItems((await internals()).historyTree);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal((await emulator().requests()).length, 2, 'reopening spends nothing');
  });

  it('Run Again from the history calls the API even when the answer is cached', async () => {
    const niamonx = await api();
    await niamonx.runTool('gl_ping', '198.51.100.3');
    const [item] = await treeItems((await internals()).historyTree);
    const record = item.command!.arguments![0];
    const run = await vscode.commands.executeCommand<ToolRun>('niamonx.history.runAgain', record);
    assert.equal(run?.ok && !run.cached, true);
    assert.equal((await emulator().requests()).length, 2);
  });

  it('Run Again of a run made with a JSON body sends exactly that body again', async () => {
    const niamonx = await api();
    const body = { ip: '198.51.100.4', count: 2, note: 'x'.repeat(200) };
    await niamonx.runTool('gl_ping', body);
    const [item] = await treeItems((await internals()).historyTree);
    await vscode.commands.executeCommand('niamonx.history.runAgain', item.command!.arguments![0]);
    const requests = await emulator().requests();
    assert.equal(requests.length, 2);
    assert.deepEqual(requests[1].body, requests[0].body);
    assert.deepEqual(requests[1].body, body);
  });

  it('Run Again refuses a body whose secrets the history masked, and sends nothing', async () => {
    const niamonx = await api();
    await niamonx.runTool('gl_ping', { ip: '198.51.100.5', password: 'hunter2-secret' });
    const [item] = await treeItems((await internals()).historyTree);
    const run = await vscode.commands.executeCommand<ToolRun | undefined>('niamonx.history.runAgain', item.command!.arguments![0]);
    assert.equal(run, undefined);
    assert.equal((await emulator().requests()).length, 1);
  });

  it('masks passwords in the output log, the history and every export, but the API caller gets the data', async () => {
    const niamonx = await api();
    const run = await niamonx.runTool('breaches_s_v2', 'victim@example.com');
    assert.equal(run.ok, true, JSON.stringify(run));
    const passwords = run.ok ? passwordsIn(run.data) : [];
    assert.ok(passwords.length > 0, 'the emulator answered with plaintext passwords');

    const log = await eventually('the run in the output log', () => {
      const text = outputLogText();
      return text.includes('breaches_s_v2 victim@example.com') && text;
    });
    assert.match(log, /••••••/);
    for (const password of passwords) assert.ok(!log.includes(password), `password ${password} leaked into the log`);

    const [item] = await treeItems((await internals()).historyTree);
    const record = item.command!.arguments![0];
    for (const password of passwords) assert.ok(!JSON.stringify(record).includes(password), 'the history entry is redacted');

    const folder = join(tmpdir(), `niamonx-export-${Date.now()}`);
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const target = vscode.Uri.file(join(folder, `result.${format}`));
      const written = await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.export', record, { format, target });
      assert.equal(written?.fsPath, target.fsPath);
      const text = await readFile(target.fsPath, 'utf8');
      assert.match(text, /victim@example\.com/);
      assert.match(text, /••••••/);
      for (const password of passwords) assert.ok(!text.includes(password), `password leaked into the ${format} export`);
      assert.ok(!text.includes(testKey()), `the key leaked into the ${format} export`);
    }
  });

  it('exports the whole history in three formats', async () => {
    const niamonx = await api();
    await niamonx.runTool('gl_ping', '203.0.113.10');
    await niamonx.runTool('breaches_search', 'nobody@example.com');
    const folder = join(tmpdir(), `niamonx-history-${Date.now()}`);
    const json = await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.exportAll', {
      format: 'json',
      target: vscode.Uri.file(join(folder, 'h.json')),
    });
    const parsed = JSON.parse(await readFile(json.fsPath, 'utf8'));
    assert.deepEqual(
      parsed.records.slice(0, 2).map((r: { tool: string }) => r.tool),
      ['breaches_search', 'gl_ping'],
    );
    const csv = await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.exportAll', {
      format: 'csv',
      target: vscode.Uri.file(join(folder, 'h.csv')),
    });
    const lines = (await readFile(csv.fsPath, 'utf8')).trim().split(/\r?\n/);
    assert.match(lines[0], /^tool,input,/);
    assert.ok(
      lines.some((line) => line.startsWith('gl_ping,203.0.113.10,')),
      lines.join('\n'),
    );
    const md = await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.exportAll', {
      format: 'markdown',
      target: vscode.Uri.file(join(folder, 'h.md')),
    });
    assert.match(await readFile(md.fsPath, 'utf8'), /\| Ping \| 203\.0\.113\.10 \| ok \(200\) \|/);
  });

  it('keeps at most niamonx.history.maxEntries results', async () => {
    const config = vscode.workspace.getConfiguration('niamonx');
    await config.update('history.maxEntries', 2, vscode.ConfigurationTarget.Global);
    try {
      const niamonx = await api();
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await niamonx.runTool('gl_ping', ip);
      const labels = await historyLabels();
      assert.deepEqual(labels.slice(0, 2), ['Ping: 192.0.2.3', 'Ping: 192.0.2.2']);
      assert.equal(labels.length, 2);
    } finally {
      await config.update('history.maxEntries', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
