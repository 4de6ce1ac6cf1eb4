import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/core/bulk/bulkSummary';
import type { ResultRecord } from '../../../src/core/record/resultRecord';
import { emulator, eventually, internals, openEditor, resetWorld } from '../helpers';

// In the emulator, breaches_search rates 8.8.8.8, 9.9.9.9 and 77.88.8.8 "high"; 1.1.1.1 and 4.4.4.4 "low".
const LOG = [
  '2026-11-26T10:00:00Z fw ACCEPT src=8.8.8.8',
  '2026-11-26T10:00:01Z fw ACCEPT src=1.1.1.1',
  '2026-11-26T10:00:02Z ioc 9[.]9[.]9[.]9 reported',
  '2026-11-26T10:00:03Z retry 77.88.8.8 1.1.1.1 4.4.4.4:443',
  '2026-11-26T10:00:04Z internal 10.0.0.5 no verdict',
  '2026-11-26T10:00:05Z again 8.8.8.8',
].join('\n');

async function forgetHeldAnswers(): Promise<void> {
  const inside = await internals();
  await inside.history.clear();
  await vscode.commands.executeCommand('niamonx.clearCache');
  inside.verdicts!.held.clear();
}

/** The inline verdicts shown in `editor`'s document, by line. */
async function inlineOf(editor: vscode.TextEditor): Promise<Map<number, string>> {
  const shown = (await internals()).verdicts!.inline.shown.get(editor.document.uri.toString()) ?? [];
  return new Map(shown.map((verdict) => [verdict.line, verdict.text]));
}

function findingsOf(editor: vscode.TextEditor): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'NiamonX');
}

describe('verdicts where you read', () => {
  beforeEach(async () => {
    await resetWorld();
    await forgetHeldAnswers();
    await vscode.workspace.getConfiguration('niamonx').update('inline.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('after a bulk run, each answered IP shows its verdict after it (defanged too), one per line with a count; decorating makes no request', async () => {
    const editor = await openEditor(LOG);
    assert.equal((await inlineOf(editor)).size, 0, 'nothing held, nothing shown');
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
    assert.equal(summary.counts.answered, 5);
    const shown = await eventually('the inline verdicts', async () => {
      const lines = await inlineOf(editor);
      return lines.size === 5 && lines;
    });
    for (const line of [0, 1, 2, 5]) assert.match(shown.get(line)!, /^Ping: (alive|not alive)( · [\d.]+ ms)?( · .+)?$/, `line ${line}`);
    assert.match(shown.get(3)!, /^Ping: .* \(\+2 more\)$/, 'three answered IPs on one line: one decoration with a count');
    assert.equal(shown.has(4), false, 'the private address was not sent, so it has no verdict');
    const decorated = (await internals()).verdicts!.inline.shown.get(editor.document.uri.toString())!;
    assert.equal(decorated.find((verdict) => verdict.line === 2)?.value, '9.9.9.9', 'the defanged form is decorated too');

    // Scrolling, editing, another editor on the same document and a hover: all read held answers only.
    const before = (await emulator().requests()).length;
    const inline = (await internals()).verdicts!.inline;
    const updates = inline.updates;
    editor.revealRange(new vscode.Range(5, 0, 5, 0));
    await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), '# '));
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.Beside);
    await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 40));
    await eventually('another update', () => inline.updates > updates + 0);
    inline.update();
    assert.equal((await emulator().requests()).length, before, 'no request from decorations or the hover');
  });

  it('Toggle Inline Verdicts hides and shows them again', async () => {
    const editor = await openEditor(LOG);
    await vscode.commands.executeCommand('niamonx.pingAllInDocument', { tool: 'gl_ping' });
    await eventually('the inline verdicts', async () => (await inlineOf(editor)).size === 5);
    assert.equal(await vscode.commands.executeCommand('niamonx.toggleInlineVerdicts'), false);
    await eventually('no inline verdicts', async () => (await inlineOf(editor)).size === 0);
    assert.equal(await vscode.commands.executeCommand('niamonx.toggleInlineVerdicts'), true);
    await eventually('the inline verdicts again', async () => (await inlineOf(editor)).size === 5);
  });

  it('a finding is a diagnostic on each occurrence, and each quick fix works', async () => {
    const editor = await openEditor(LOG);
    await vscode.commands.executeCommand('niamonx.runToolOnAllInDocument', { tool: 'breaches_search' });
    const diagnostics = await eventually('the findings', () => {
      const found = findingsOf(editor);
      return found.length === 4 && found;
    });
    const flagged = diagnostics.map((diagnostic) => editor.document.getText(diagnostic.range)).sort();
    assert.deepEqual(flagged, ['77.88.8.8', '8.8.8.8', '8.8.8.8', '9[.]9[.]9[.]9']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(diagnostic.message, /^Breach risk (high|critical) \(Breach search\)$/);
    }

    const defanged = diagnostics.find((diagnostic) => editor.document.getText(diagnostic.range) === '9[.]9[.]9[.]9')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      defanged.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const ours = actions.filter((action) => action.command?.command.startsWith('niamonx.'));
    assert.deepEqual(
      ours.map((action) => action.title),
      ['Copy Defanged', 'Add 9.9.9.9 to Never Send', 'Run Another Tool on 9.9.9.9…', 'Open Result'],
    );
    const run = (index: number) => vscode.commands.executeCommand(ours[index].command!.command, ...(ours[index].command!.arguments ?? []));
    const before = (await emulator().requests()).length;

    await run(0);
    assert.equal(await vscode.env.clipboard.readText(), '9[.]9[.]9[.]9');

    const config = vscode.workspace.getConfiguration('niamonx');
    try {
      await run(1);
      assert.deepEqual(config.inspect('neverSend')?.globalValue, ['9.9.9.9']);
    } finally {
      await config.update('neverSend', undefined, vscode.ConfigurationTarget.Global);
    }

    const original = vscode.window.showQuickPick;
    const offered: string[] = [];
    (vscode.window as { showQuickPick: unknown }).showQuickPick = async (
      items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
    ) => {
      offered.push(...(await items).map((item) => item.label));
      return undefined;
    };
    try {
      await run(2);
    } finally {
      (vscode.window as { showQuickPick: unknown }).showQuickPick = original;
    }
    assert.ok(offered.includes('Ping'), `the tools for the IP are offered: ${offered.join(', ')}`);

    const record = (await run(3)) as ResultRecord;
    assert.equal(record.tool, 'breaches_search');
    assert.equal((record.data as { risk?: { level?: string } }).risk?.level, 'high');
    assert.equal((await emulator().requests()).length, before, 'no quick fix sent anything');
  });

  it('the hover shows the held answer and its age first, then the actions', async () => {
    const editor = await openEditor(LOG);
    await vscode.commands.executeCommand('niamonx.ping', '8.8.8.8');
    await eventually('the held answer', async () => (await internals()).verdicts!.held.lookup('8.8.8.8').length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(0, 38),
    );
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .find((value) => value.includes('NiamonX'))!
      .replace(/&nbsp;/g, ' ');
    const verdict = text.search(/Ping: (?:alive|not alive).*answered just now/);
    assert.ok(verdict > 0, text);
    assert.ok(verdict < text.indexOf('command:niamonx.ping'), 'the held answer comes before the actions');
    assert.ok(text.includes('command:niamonx.finding.openResult'), 'with an Open Result link');
  });
});
