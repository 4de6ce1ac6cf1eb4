import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ToolRun } from '../../../src/core/errors';
import type { BulkSummary } from '../../../src/core/bulk/bulkSummary';
import { emulator, internals, labelOf, openEditor, resetWorld, treeItems } from '../helpers';

const PUBLIC_V4 = [
  '8.8.8.8',
  '1.1.1.1',
  '9.9.9.9',
  '4.4.4.4',
  '64.6.64.6',
  '208.67.222.222',
  '77.88.8.8',
  '94.140.14.14',
  '185.228.168.9',
  '76.76.2.0',
  '149.112.112.112',
  '156.154.70.1',
];
const PUBLIC_V6 = ['2606:4700:4700::1111', '2001:4860:4860::8888'];
const PRIVATE = ['10.0.0.5', '192.168.1.20', '127.0.0.1', '169.254.10.1', 'fe80::1'];

/** 30 addresses: 14 unique public (2 of them IPv6, one written two ways), 9 repeats, 5 non-public, 2 documentation. */
function logWith30Ips(): string {
  const lines: string[] = [];
  PUBLIC_V4.forEach((ip, index) => lines.push(`2026-11-26T10:00:00Z fw ACCEPT src=${ip}${index < 3 ? ' dst=10.0.0.5' : ''}`));
  lines.push('2026-11-26T10:00:01Z dns query from [2606:4700:4700:0:0:0:0:1111]:53 and 2001:4860:4860::8888');
  lines.push('2026-11-26T10:00:02Z retry 8.8.8.8 1.1.1.1 9.9.9.9 4.4.4.4:443');
  lines.push(`2026-11-26T10:00:03Z internal ${PRIVATE.slice(1).join(' ')} again 2606:4700:4700::1111`);
  lines.push('2026-11-26T10:00:04Z docs 192.0.2.1 198.51.100.7');
  lines.push('2026-11-26T10:00:05Z dup 77.88.8.8 94.140.14.14');
  return lines.join('\n');
}

describe('bulk: Ping All IPs in Selection', () => {
  beforeEach(resetWorld);

  it('sends exactly one call per unique public IP and lists the rest as skipped', async () => {
    const text = logWith30Ips();
    const editor = await openEditor(text);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(text.length));
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInSelection');
    assert.ok(summary, 'the command returns its summary');
    assert.equal(summary.counts.found, 30);
    const requests = (await emulator().requests()).filter((request) => request.tool === 'gl_ping');
    const sent = requests.map((request) => (request.body as { ip: string }).ip).sort();
    assert.deepEqual(sent, [...PUBLIC_V4, ...PUBLIC_V6].sort(), 'one call per unique public IP, IPv6 in canonical form');
    assert.equal(summary.rows.length, 14);
    assert.ok(
      summary.rows.every((row) => row.status === 'ok'),
      JSON.stringify(summary.rows),
    );
    assert.match(
      summary.rows.find((row) => row.sent === '2606:4700:4700::1111')!.raw,
      /\[2606:4700:4700:0:0:0:0:1111\]:53.*2606:4700:4700::1111/,
    );
    const reasons = Object.fromEntries(summary.skipped.map((skip) => [skip.value, skip.reason]));
    assert.match(reasons['10.0.0.5'], /private/);
    assert.match(reasons['127.0.0.1'], /loopback/);
    assert.match(reasons['fe80::1'], /link-local/);
    assert.match(reasons['192.0.2.1'], /documentation/);
    assert.equal(summary.skipped.find((skip) => skip.value === '10.0.0.5')?.occurrences, 3);
    assert.equal(summary.counts.duplicates, 9);
    const history = await treeItems((await internals()).historyTree);
    assert.equal(
      history.filter((item) => /14 targets/.test(labelOf(item) + String(item.description ?? ''))).length,
      1,
      'one history entry for the run',
    );
  });

  it('cancel halfway keeps the answers received and marks the rest not run', async () => {
    await emulator().configure({ latencyMs: 250 });
    const text = PUBLIC_V4.join('\n');
    const editor = await openEditor(text);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(text.length));
    const running = vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInSelection');
    const early = await Promise.race([
      emulator()
        .waitFor('gl_ping', 4, 20_000)
        .then(() => undefined),
      running,
    ]);
    assert.equal(early, undefined, `the run ended before it could be cancelled: ${JSON.stringify(early)}`);
    await vscode.commands.executeCommand('niamonx.cancelBulkRuns');
    const summary = await running;
    assert.equal(summary.stopped, 'cancelled');
    const answered = summary.rows.filter((row) => row.status === 'ok');
    const notRun = summary.rows.filter((row) => row.status === 'not-run');
    assert.ok(answered.length >= 3 && answered.length < PUBLIC_V4.length, `partial: ${answered.length} answered`);
    assert.equal(answered.length + notRun.length, PUBLIC_V4.length);
    assert.ok(notRun.every((row) => row.outcome === 'not run (cancelled)'));
    const calls = (await emulator().requests()).filter((request) => request.tool === 'gl_ping').length;
    assert.ok(calls <= answered.length + 2, `no new call after cancel (${calls} calls)`);
  });

  it('a daily limit mid-run stops it; the rest are not run (daily limit)', async () => {
    await emulator().configure({ dailyLimit: 5 });
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', {});
    assert.equal(summary, undefined, 'no editor open: nothing to do');
    const text = PUBLIC_V4.join(' ');
    await openEditor(text);
    const stopped = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
    assert.equal(stopped.stopped, 'daily-limit');
    assert.equal(stopped.counts.answered, 5);
    assert.equal(stopped.counts.notRun, PUBLIC_V4.length - 5);
    assert.ok(stopped.rows.filter((row) => row.status === 'not-run').every((row) => row.outcome === 'not run (daily limit)'));
    const limited = (await emulator().requests()).filter((request) => request.status === 429);
    assert.ok(limited.length >= 1 && limited.length <= 2, 'the run stops at the daily limit instead of trying every input');
    const pingItem = (await treeItems((await internals()).toolTree)).find((item) => item.id === 'tool:gl_ping');
    assert.equal(pingItem?.contextValue, 'tool.cooling-down.daily', 'the locked tool offers Try Now');
  });

  it('a daily limit mid-run leaves the most frequent addresses answered', async () => {
    await emulator().configure({ dailyLimit: 3 });
    // The rare addresses come first in the text; the frequent ones must still be sent first.
    const frequent = ['5.5.5.5', '6.6.6.6', '7.7.7.7'];
    const lines = PUBLIC_V4.slice(0, 8).map((ip) => `rare ${ip}`);
    for (let i = 0; i < 4; i++) lines.push(`hit ${frequent[0]} ${frequent[1]} ${frequent[2]}`, `hit ${frequent[0]}`);
    await openEditor(lines.join('\n'));
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
    assert.equal(summary.stopped, 'daily-limit');
    assert.deepEqual(
      summary.rows.filter((row) => row.status === 'ok').map((row) => row.sent),
      frequent,
      'the three calls the day allowed went to the three most frequent addresses',
    );
  });

  it('niamonx.bulk.maxCalls caps a run: the rest are listed as not run and Run Again continues', async () => {
    const config = vscode.workspace.getConfiguration('niamonx');
    await config.update('bulk.maxCalls', 2, vscode.ConfigurationTarget.Global);
    try {
      await openEditor(PUBLIC_V4.slice(0, 5).join('\n'));
      const first = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
      assert.equal((await emulator().requests()).length, 2, 'two calls, as the setting says');
      assert.deepEqual(
        first.rows.map((row) => row.status),
        ['ok', 'ok', 'not-run', 'not-run', 'not-run'],
      );
      assert.match(first.rows[2].outcome, /not run \(over niamonx\.bulk\.maxCalls \(2\)\)/);
      const record = (await (await internals()).historyTree.getChildren?.())?.[0] as { id: string; bulk?: { pending: string[] } };
      assert.deepEqual(record.bulk?.pending, PUBLIC_V4.slice(2, 5));

      await emulator().reset();
      const again = await vscode.commands.executeCommand<BulkSummary>('niamonx.history.runAgain', record.id);
      assert.deepEqual(
        again.rows.map((row) => row.status),
        ['ok', 'ok', 'not-run'],
        'Run Again continues with the next two',
      );
      assert.equal((await emulator().requests()).length, 2);
    } finally {
      await config.update('bulk.maxCalls', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Ping All IPs in File reads the file without opening an editor', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'niamonx-bulk-')), 'dump.log');
    writeFileSync(file, `a ${PUBLIC_V4[0]} b ${PUBLIC_V4[1]} c ${PUBLIC_V4[0]} d 10.1.1.1\n`);
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInFile', vscode.Uri.file(file));
    assert.deepEqual(
      summary.rows.map((row) => row.sent),
      PUBLIC_V4.slice(0, 2),
    );
    assert.equal(summary.source, 'dump.log');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.fsPath === file), 'no text document was opened');
    assert.equal((await emulator().requests()).length, 2);
  });

  it('Ping All IPs in File reads a large file in pieces and finds the addresses at its start, in its middle and at its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'niamonx-bulk-'));
    const file = join(dir, 'big.log');
    // 12 MB of noise lines (several pieces), with one address at each end and one defanged in the middle.
    const noise = 'Jan 26 10:00:00 web app[123]: request handled in 12.5 ms, version 1.2.3.4.5, nothing else\n'.repeat(140_000);
    const half = noise.length / 2;
    writeFileSync(
      file,
      `start ${PUBLIC_V4[0]}\n${noise.slice(0, half)}mid ${PUBLIC_V4[1].replaceAll('.', '[.]')}\n${noise.slice(half)}end ${PUBLIC_V4[2]}`,
    );
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInFile', vscode.Uri.file(file));
    assert.deepEqual(
      summary.rows.map((row) => row.sent),
      PUBLIC_V4.slice(0, 3),
    );
    assert.deepEqual(
      (await emulator().requests()).map((request) => (request.body as { ip: string }).ip).sort(),
      PUBLIC_V4.slice(0, 3).sort(),
      'one call per address, the defanged one refanged',
    );

    // A folder is no file: nothing is read or sent.
    const nothing = await vscode.commands.executeCommand<BulkSummary | undefined>('niamonx.pingAllInFile', vscode.Uri.file(dir));
    assert.equal(nothing, undefined);
    assert.equal((await emulator().requests()).length, 3);
  });

  it('Ping All IPs in File stops at a million different addresses, sends nothing and keeps the host alive', async function () {
    this.timeout(120_000);
    const file = join(mkdtempSync(join(tmpdir(), 'niamonx-bulk-')), 'scan.log');
    const lines: string[] = [];
    for (let i = 0; i <= 1_000_000; i++) lines.push(`src=11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    writeFileSync(file, lines.join('\n'));
    const historyBefore = (await (await internals()).historyTree.getChildren?.())?.length ?? 0;
    // The extension and these tests share one `vscode` object: its warnings can be watched.
    const warnings: string[] = [];
    const showWarning = vscode.window.showWarningMessage;
    vscode.window.showWarningMessage = (message: string) => {
      warnings.push(message);
      return Promise.resolve(undefined);
    };
    let summary: BulkSummary | undefined;
    try {
      summary = await vscode.commands.executeCommand<BulkSummary | undefined>('niamonx.pingAllInFile', vscode.Uri.file(file));
    } finally {
      vscode.window.showWarningMessage = showWarning;
    }
    assert.deepEqual(warnings, [
      'NiamonX: scan.log holds more than 1,000,000 different targets, more than a bulk run can check. Select a part of it and check the selection.',
    ]);
    assert.equal(summary, undefined, 'no run, no summary');
    assert.deepEqual(await emulator().requests(), []);
    assert.equal((await (await internals()).historyTree.getChildren?.())?.length ?? 0, historyBefore, 'no history entry');
  });

  it('the confirmation states the time the learned cooldown gives; declining it sends nothing', async function () {
    this.timeout(60_000);
    (await internals()).pacing?.clear();
    await emulator().configure({ cooldownSeconds: 1 });
    // Addresses no other test pings, so none is answered from the cache.
    await openEditor('learn 52.94.236.248 and 17.253.144.10');
    const learning = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument');
    assert.equal(learning.counts.answered, 2, 'the second call met the cooldown, waited and was answered');

    const fresh = ['45.33.32.156', '23.215.0.136', '104.16.132.229', '151.101.1.69', '13.107.42.14', '140.82.112.3'];
    await openEditor(fresh.join(' '));
    const sentBefore = (await emulator().requests()).length;
    const asked: Array<{ message: string; detail?: string }> = [];
    const showWarning = vscode.window.showWarningMessage;
    await vscode.workspace.getConfiguration('niamonx').update('bulk.confirmAbove', 2, vscode.ConfigurationTarget.Global);
    vscode.window.showWarningMessage = (message: string, options?: vscode.MessageOptions) => {
      asked.push({ message, ...(options?.detail !== undefined ? { detail: options.detail } : {}) });
      return Promise.resolve(undefined); // the user declines
    };
    let summary: BulkSummary | undefined;
    try {
      summary = await vscode.commands.executeCommand<BulkSummary | undefined>('niamonx.pingAllInDocument');
    } finally {
      vscode.window.showWarningMessage = showWarning;
      await vscode.workspace.getConfiguration('niamonx').update('bulk.confirmAbove', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(asked.length, 1, JSON.stringify(asked));
    assert.match(asked[0].message, /^Run Ping on /);
    // Five gaps of the learned interval (the 1 s cooldown and a small margin).
    const estimate = /6 unique targets, 0 answered from the cache, 0 skipped\. 6 API calls will be made \(about (\d+) s\)/.exec(
      asked[0].detail ?? '',
    );
    assert.ok(estimate, asked[0].detail);
    const seconds = Number(estimate[1]);
    assert.ok(seconds >= 5 && seconds <= 8, `${seconds} s for 6 calls a second apart`);
    assert.equal(summary, undefined);
    assert.equal((await emulator().requests()).length, sentBefore, 'a declined run sends nothing');
  });

  it('Run Again of a bulk entry re-runs only its failed and not-run rows; Clear Cache empties the cache', async () => {
    await emulator().configure({ dailyLimit: 2 });
    await openEditor(PUBLIC_V4.slice(0, 5).join('\n'));
    const first = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
    assert.equal(first.stopped, 'daily-limit');
    const entry = (await internals()).historyTree;
    const items = await treeItems(entry);
    const record = (await entry.getChildren?.())?.[0] as { id: string; bulk?: { pending: string[] } };
    assert.ok(items.length > 0 && record.bulk, 'the newest history entry is the bulk run');
    assert.deepEqual(record.bulk.pending, PUBLIC_V4.slice(2, 5));
    await emulator().configure({ dailyLimit: null });
    await vscode.commands.executeCommand<ToolRun>('niamonx.tryNow', { tool: 'gl_ping', input: PUBLIC_V4[2] });
    await emulator().reset();
    const again = await vscode.commands.executeCommand<BulkSummary>('niamonx.history.runAgain', record.id);
    assert.deepEqual(
      again.rows.map((row) => row.sent),
      PUBLIC_V4.slice(2, 5),
    );
    assert.deepEqual(
      again.rows.map((row) => row.status),
      ['cached', 'ok', 'ok'],
      'Try Now answered the first; the rest were called',
    );
    assert.equal((await emulator().requests()).length, 2);

    await vscode.commands.executeCommand('niamonx.clearCache');
    await emulator().reset();
    const afterClear = await vscode.commands.executeCommand<BulkSummary>('niamonx.history.runAgain', record.id);
    assert.deepEqual(
      afterClear.rows.map((row) => row.status),
      ['ok', 'ok', 'ok'],
    );
    assert.equal((await emulator().requests()).length, 3, 'nothing came from the cache after Clear Cache');
  });

  it('rejects invalid arguments with a message and sends nothing', async () => {
    await openEditor('8.8.8.8');
    const summary = await vscode.commands.executeCommand('niamonx.pingAllInDocument', { tool: 42 });
    assert.equal(summary, undefined);
    assert.deepEqual(await emulator().requests(), []);
  });
});
