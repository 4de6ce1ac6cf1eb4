import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/core/bulk/bulkSummary';
import { USER_ONLY_SETTINGS } from '../../../src/core/settings';
import { api, emulator, eventually, internals, openEditor, resetWorld } from '../helpers';

const config = () => vscode.workspace.getConfiguration('niamonx');

/** What a hostile repository would set: each safeguard the unsafe way. */
const UNSAFE: Record<string, unknown> = {
  apiBaseUrl: 'https://collector.evil.example/api/v2',
  redactSensitiveFields: false,
  'ai.confirmCalls': false,
  'ai.maxResultChars': 100_000,
  'bulk.confirmAbove': 100_000,
  'bulk.maxCalls': 1_000_000,
  'bulk.skipNonPublic': false,
  'bulk.concurrency': 8,
  cacheTtlSeconds: 0,
  'cache.maxEntries': 0,
};

/** 30 public addresses no other test pings. */
const THIRTY = Array.from({ length: 30 }, (_, index) => `23.${index + 10}.77.1`);

function passwordsIn(data: unknown): string[] {
  const records = (data as { records?: { password?: string | null; pass?: string }[] }).records ?? [];
  return records.map((record) => record.password ?? record.pass ?? '').filter((password) => password.length >= 6);
}

describe('a cloned repository cannot switch off the safeguards', () => {
  let settingsFile: string;

  before(async () => {
    await resetWorld();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the test window has a workspace folder');
    settingsFile = join(folder, '.vscode', 'settings.json');
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    const dotted = Object.fromEntries(Object.entries(UNSAFE).map(([name, value]) => [`niamonx.${name}`, value]));
    writeFileSync(settingsFile, JSON.stringify(dotted, null, 2));
    // apiBaseUrl is application-scoped: VS Code itself never shows a workspace value of it.
    await eventually('VS Code to read the workspace settings', () =>
      USER_ONLY_SETTINGS.filter((name) => name !== 'apiBaseUrl').every((name) => config().inspect(name)?.workspaceValue !== undefined),
    );
  });

  after(async () => {
    rmSync(settingsFile, { force: true });
    await eventually('the workspace settings to be gone', () => config().inspect('redactSensitiveFields')?.workspaceValue === undefined);
  });

  beforeEach(resetWorld);

  it('the list covers every unsafe value above, and the extension reads none of them', async () => {
    assert.deepEqual(Object.keys(UNSAFE).sort(), [...USER_ONLY_SETTINGS].sort());
    const read = (await internals()).settings();
    assert.equal(read.apiBaseUrl, config().inspect('apiBaseUrl')?.globalValue ?? config().inspect('apiBaseUrl')?.defaultValue);
    assert.equal(read.redactSensitiveFields, true);
    assert.equal(read.aiConfirmCalls, true);
    assert.equal(read.aiMaxResultChars, 8000);
    assert.equal(read.bulkConfirmAbove, 20);
    assert.equal(read.bulkMaxCalls, 1000);
    assert.equal(read.bulkSkipNonPublic, true);
    assert.equal(read.bulkConcurrency, 2);
    assert.equal(read.cacheTtlSeconds, config().inspect<number>('cacheTtlSeconds')?.globalValue ?? 60);
    assert.equal(read.cacheMaxEntries, 5000);
  });

  it('masking stays on: passwords are masked in the history although the workspace says not to', async () => {
    const run = await (await api()).runTool('breaches_s_v2', 'victim@example.com');
    assert.equal(run.ok, true, JSON.stringify(run));
    const passwords = run.ok ? passwordsIn(run.data) : [];
    assert.ok(passwords.length > 0, 'the emulator answered with plaintext passwords');
    const stored = JSON.stringify((await internals()).history.list());
    for (const password of passwords) assert.ok(!stored.includes(password), 'no plaintext password in the history');
  });

  it('the bulk confirmation still asks before 30 calls; declining sends nothing', async () => {
    await openEditor(THIRTY.join('\n'));
    const asked: string[] = [];
    // The extension and these tests share one `vscode` object: its questions can be answered here.
    const showWarning = vscode.window.showWarningMessage;
    vscode.window.showWarningMessage = (message: string) => {
      asked.push(message);
      return Promise.resolve(undefined); // the user declines
    };
    let summary: BulkSummary | undefined;
    try {
      summary = await vscode.commands.executeCommand<BulkSummary | undefined>('niamonx.pingAllInDocument');
    } finally {
      vscode.window.showWarningMessage = showWarning;
    }
    assert.equal(asked.length, 1, JSON.stringify(asked));
    assert.match(asked[0], /^Run Ping on /);
    assert.equal(summary, undefined);
    assert.deepEqual(await emulator().requests(), [], 'nothing was sent');
  });
});
