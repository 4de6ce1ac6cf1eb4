import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { longestBlockDuring, MAX_GAP_MS } from '../eventLoopGaps';
import { collectGarbage } from '../heap';
import type { ToolRun } from '../../../src/core/errors';
import { api, emulator, eventually, internals, outputLogText, resetWorld, treeItems } from '../helpers';

/*
 * The shared extension host stays responsive with a large log and a hostile answer: every
 * extension of the user runs in it. Each test watches the event loop while the user acts and
 * fails on any block over 100 ms (the selection scan this replaced blocked for minutes).
 */

const MB = 1 << 20;
const HOVER_IP = '198.51.100.77';

let written = 0;

/** The test's own garbage (the 20 MB it just wrote) is collected before the watch starts, not during it. */
function settle(): void {
  const gc = collectGarbage();
  gc();
  gc();
}

/** An sshd log of about `megabytes` MB, with HOVER_IP once in its middle line. */
function writeLog(folder: string, megabytes: number): { file: string; line: number } {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * MB; i++) {
    const line = `Dec  3 10:${String(i % 60).padStart(2, '0')}:00 bastion sshd[${1000 + (i % 9000)}]: Failed password for root from 203.0.${(i >> 8) & 255}.${i & 255} port ${1024 + (i % 60000)} ssh2`;
    lines.push(line);
    size += line.length + 1;
  }
  const line = lines.length >> 1;
  lines[line] = `Dec  3 11:00:00 bastion sshd[4242]: Accepted publickey for deploy from ${HOVER_IP} port 50022 ssh2`;
  const file = join(folder, `auth-${megabytes}mb-${++written}.log`);
  writeFileSync(file, lines.join('\n'));
  return { file, line };
}

function selectionChanged(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor.document !== document || event.selections[0].isEmpty) return;
      listener.dispose();
      resolve();
    });
  });
}

describe('Hostile sizes in the extension host: no block over 100 ms', function () {
  this.timeout(180_000);
  let folder: string;

  // From a clean slate and back to one: the megabyte answer and the 20 MB logs stay out of the
  // suites that run after (the soak measures the heap).
  const forgetEverything = async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('niamonx.clearCache');
    await (await internals()).history.clear();
  };
  before(async () => {
    await resetWorld();
    await forgetEverything();
    folder = mkdtempSync(join(tmpdir(), 'niamonx-sizes-'));
  });
  after(async () => {
    await forgetEverything();
    rmSync(folder, { recursive: true, force: true });
  });

  for (const megabytes of [1, 20]) {
    it(`select all in a ${megabytes} MB log, then hover an IP: the hover answers`, async () => {
      const { file, line } = writeLog(folder, megabytes);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      await eventually('the log to be the active editor', () => vscode.window.activeTextEditor?.document === document);
      const column = document.lineAt(line).text.indexOf(HOVER_IP) + 3;
      const editor = vscode.window.activeTextEditor!;

      // The best of up to three tries: a 2-core machine under load can deschedule the host for a
      // moment, which no code of ours causes; a real block (the old scan: seconds to minutes) shows every time.
      let hovers: vscode.Hover[] = [];
      let longestMs = Infinity;
      for (let attempt = 0; attempt < 3 && longestMs >= MAX_GAP_MS; attempt++) {
        const cleared = new Promise<void>((resolve) => {
          const listener = vscode.window.onDidChangeTextEditorSelection((event) => {
            if (event.textEditor.document !== document || !event.selections[0].isEmpty) return;
            listener.dispose();
            resolve();
          });
        });
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        if (attempt > 0) await cleared;
        settle();
        const measured = await longestBlockDuring(async () => {
          const selected = selectionChanged(document);
          await vscode.commands.executeCommand('editor.action.selectAll');
          await selected;
          return vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            new vscode.Position(line, column),
          );
        });
        hovers = measured.result;
        longestMs = Math.min(longestMs, measured.longestMs);
      }
      const text = hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content.value))
        .join('\n');
      assert.ok(text.includes('NiamonX') && text.includes(HOVER_IP), `the hover answers: ${text.slice(0, 300)}`);
      assert.ok(longestMs < MAX_GAP_MS, `the extension host was blocked for ${Math.round(longestMs)} ms`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }

  it('Ping with a whole 20 MB log selected: a clear error, nothing sent, the selection kept', async () => {
    const { file } = writeLog(folder, 20);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    await eventually('the log to be the active editor', () => vscode.window.activeTextEditor?.document === document);
    const selected = selectionChanged(document);
    await vscode.commands.executeCommand('editor.action.selectAll');
    await selected;
    const before = (await emulator().requests()).length;
    const held = (await internals()).history.list().length;

    const outcome = await vscode.commands.executeCommand<{ ok: boolean; error?: { kind: string; message: string } } | undefined>(
      'niamonx.ping',
    );
    assert.equal(outcome?.ok, false);
    assert.equal(outcome?.error?.kind, 'validation');
    assert.match(outcome.error.message, /characters long; NiamonX inputs are at most 4,096/);
    assert.equal((await emulator().requests()).length, before, 'nothing is sent');
    assert.equal(editor.selection.end.line, document.lineCount - 1, 'the selection is kept');
    const history = (await internals()).history.list();
    assert.ok(history.length <= held + 1);
    assert.ok(
      history.every((record) => record.input.length <= 4096 + 100),
      'no megabytes of input in the history',
    );
    // Log files are written asynchronously: wait for the line.
    await eventually('the refusal in the output log, its input cut with its length', () =>
      /… \([\d,]+ characters\) → validation/.test(outputLogText()),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a 1 MB key name and a 1 MB formula-like value: the answer, the history, the cache, the log and a CSV export', async () => {
    const keyName = 'A'.repeat(MB); // the longest backtracking run for the old key-name splitter
    const formula = `+${'1'.repeat(MB)}x`; // and for the old CSV number test
    const answer = { success: true, data: { ip: '8.8.4.4', alive: true, [keyName]: 'x', note: formula } };
    const { globalStorageUri } = (await internals()).context!;
    const cacheFile = join(globalStorageUri.fsPath, 'answer-cache.json');
    const target = vscode.Uri.file(join(folder, 'huge.csv'));

    // The best of up to three fresh runs, for the same reason as above.
    let outcome: ToolRun | undefined;
    let longestMs = Infinity;
    for (let attempt = 0; attempt < 3 && longestMs >= MAX_GAP_MS; attempt++) {
      await emulator().fault({ type: 'status', status: 200, body: answer });
      const cacheWrittenBefore = statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      settle();
      const measured = await longestBlockDuring(async () => {
        const run = await (await api()).runTool('gl_ping', '8.8.4.4', { fresh: true });
        const { history } = await internals();
        await history.flush();
        // The answer cache is saved a moment later: the work after the answer counts too.
        await eventually(
          'the answer cache to be saved',
          () => (statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) > cacheWrittenBefore,
          10_000,
        );
        const [item] = await treeItems((await internals()).historyTree);
        const record = item.command!.arguments![0];
        await vscode.commands.executeCommand('niamonx.history.export', record, { format: 'csv', target });
        return run;
      });
      outcome = measured.result;
      longestMs = Math.min(longestMs, measured.longestMs);
    }
    assert.ok(outcome);
    assert.equal(outcome.ok, true, JSON.stringify(outcome).slice(0, 300));
    const csv = readFileSync(target.fsPath, 'utf8');
    assert.ok(csv.includes(`'${formula}`), 'the formula-like value is defused in the CSV');
    assert.ok(longestMs < MAX_GAP_MS, `the extension host was blocked for ${Math.round(longestMs)} ms`);
  });
});
