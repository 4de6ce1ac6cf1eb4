import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/core/bulk/bulkSummary';
import type { ToolRun } from '../../../src/core/errors';
import { api, emulator, eventually, internals, openEditor, placeCursor, resetWorld, select } from '../helpers';

const config = () => vscode.workspace.getConfiguration('niamonx');
/** Public addresses and a public-looking domain that only this suite puts on the list. */
const LISTED_RANGE = '23.10.0.0/16';
const LISTED_IP = '23.10.5.5';
const LISTED_DOMAIN = 'corp-neversend.com';
const WORKSPACE_IP = '23.20.1.1';

function refusal(run: ToolRun | undefined): string {
  assert.ok(run, 'the command returns its run');
  assert.equal(run.ok, false, JSON.stringify(run));
  if (run.ok) throw new Error('unreachable');
  assert.equal(run.error.kind, 'never-send', JSON.stringify(run));
  return run.error.message;
}

async function sentValues(): Promise<string[]> {
  return (await emulator().requests()).map((request) => JSON.stringify(request.body));
}

async function rejection(promise: Thenable<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the invocation to fail');
}

/** Captures warnings (and answers none of them) while `work` runs. */
async function withWarnings<T>(work: () => Promise<T>): Promise<{ result: T; warnings: Array<{ message: string; items: string[] }> }> {
  const warnings: Array<{ message: string; items: string[] }> = [];
  const original = vscode.window.showWarningMessage;
  (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string, ...rest: unknown[]) => {
    warnings.push({ message, items: rest.filter((item): item is string => typeof item === 'string') });
    return Promise.resolve(undefined);
  };
  try {
    return { result: await work(), warnings };
  } finally {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
  }
}

describe('never send: one gate on every path', () => {
  before(async () => {
    await resetWorld();
    await config().update('neverSend', [LISTED_RANGE, LISTED_DOMAIN], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('neverSend', undefined, vscode.ConfigurationTarget.Global);
    await config().update('ai.confirmCalls', undefined, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    await emulator().reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('palette: a private address is refused with its reason and an Open Setting action; nothing is sent', async () => {
    const { result, warnings } = await withWarnings(async () => vscode.commands.executeCommand<ToolRun>('niamonx.ping', '10.0.0.5'));
    assert.match(refusal(result), /10\.0\.0\.5 is a private address.*Nothing was sent/);
    await eventually('the refusal to be shown', () => warnings.length > 0);
    assert.match(warnings[0].message, /never-send list/);
    assert.ok(warnings[0].items.includes('Open Setting'), JSON.stringify(warnings));
    assert.ok(warnings[0].items.includes('Send Despite…'), JSON.stringify(warnings));
    assert.deepEqual(await sentValues(), []);
    assert.ok(
      !(await internals()).history.list().some((record) => record.input === '10.0.0.5'),
      'a refused value is not kept in the history',
    );
  });

  it('palette and right-click: an address and a subdomain on the user list are refused', async () => {
    refusal(await vscode.commands.executeCommand<ToolRun>('niamonx.runTool', { tool: 'gl_ping', input: LISTED_IP }));
    const editor = await openEditor(`login for alice@vpn.${LISTED_DOMAIN} failed`);
    select(editor, `alice@vpn.${LISTED_DOMAIN}`);
    assert.match(refusal(await vscode.commands.executeCommand<ToolRun>('niamonx.runTool', 'breaches_search')), /corp-neversend\.com/);
    assert.deepEqual(await sentValues(), []);
  });

  it('hover: the Ping link of a listed address is refused', async () => {
    const editor = await openEditor(`drop from ${LISTED_IP} port 22`);
    placeCursor(editor, LISTED_IP, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.selection.active,
    );
    const markdown = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    const ping = /\(command:niamonx\.ping\?([^ )]+)/.exec(markdown);
    assert.ok(ping, markdown);
    const args = JSON.parse(decodeURIComponent(ping[1])) as unknown[];
    refusal(await vscode.commands.executeCommand<ToolRun>('niamonx.ping', ...args));
    assert.deepEqual(await sentValues(), []);
  });

  it('bulk: listed and non-public targets are skipped "on your never-send list", the rest is sent', async () => {
    const text = `a ${LISTED_IP} b 8.8.8.8 c 10.0.0.5 d 23.10.200.1 e 1.1.1.1`;
    await openEditor(text);
    const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument');
    assert.ok(summary);
    const reasons = Object.fromEntries(summary.skipped.map((skip) => [skip.value, skip.reason]));
    assert.equal(reasons[LISTED_IP], `on your never-send list (${LISTED_RANGE})`);
    assert.equal(reasons['23.10.200.1'], `on your never-send list (${LISTED_RANGE})`);
    assert.equal(reasons['10.0.0.5'], 'on your never-send list (private address)');
    assert.deepEqual((await sentValues()).sort(), ['{"ip":"1.1.1.1"}', '{"ip":"8.8.8.8"}']);
  });

  it('each agent tool gets a model-facing refusal and sends nothing', async () => {
    await config().update('ai.confirmCalls', false, vscode.ConfigurationTarget.Global);
    const invoke = (name: string, input: object) => vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const ping = await rejection(invoke('niamonx_ping', { ip: LISTED_IP }));
    assert.match(ping, /^never-send: .*Nothing was sent/);
    assert.ok(!ping.includes(LISTED_RANGE), 'the model is not told the user’s list');
    assert.match(await rejection(invoke('niamonx_run_tool', { tool: 'breaches_search', input: `bob@${LISTED_DOMAIN}` })), /^never-send: /);
    assert.match(await rejection(invoke('niamonx_run_tool', { tool: 'gl_ping', input: LISTED_IP })), /^never-send: /);
    const many = await invoke('niamonx_ping_many', { ips: [LISTED_IP, '9.9.9.9'] });
    const text = (many.content[0] as vscode.LanguageModelTextPart).value;
    assert.match(text, /never-send: /);
    assert.deepEqual(await sentValues(), ['{"ip":"9.9.9.9"}']);
  });

  it('public API: runTool on a listed value, as a string or in a body, is refused', async () => {
    const niamonx = await api();
    refusal(await niamonx.runTool('gl_ping', LISTED_IP));
    refusal(await niamonx.runTool('breaches_search', { query: `mail for x@${LISTED_DOMAIN}` }));
    refusal(await niamonx.runTool('gl_ping', '::ffff:10.0.0.1'));
    assert.deepEqual(await sentValues(), []);
  });

  it('Send Despite Never-Send List… sends one value after the user confirms, and not without', async () => {
    let asked = '';
    let answer: string | undefined;
    const original = vscode.window.showWarningMessage;
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string, options: vscode.MessageOptions) => {
      asked = message;
      assert.equal(options.modal, true, 'a modal question');
      return Promise.resolve(answer);
    };
    try {
      answer = undefined;
      assert.equal(await vscode.commands.executeCommand('niamonx.sendDespiteNeverSend', { tool: 'gl_ping', input: LISTED_IP }), undefined);
      assert.deepEqual(await sentValues(), []);
      assert.match(asked, /23\.10\.5\.5.*never-send list/);
      answer = 'Send Once';
      const run = await vscode.commands.executeCommand<ToolRun>('niamonx.sendDespiteNeverSend', { tool: 'gl_ping', input: LISTED_IP });
      assert.equal(run?.ok, true, JSON.stringify(run));
      assert.deepEqual(await sentValues(), [`{"ip":"${LISTED_IP}"}`]);
    } finally {
      (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
    }
    // The list is unchanged: the next run is refused again.
    refusal(await (await api()).runTool('gl_ping', LISTED_IP, { fresh: true }));
  });

  describe('a workspace can add to the list, never remove from it', () => {
    after(() => config().update('neverSend', undefined, vscode.ConfigurationTarget.Workspace));

    it('workspace entries are added to the user’s; an empty workspace list removes nothing', async () => {
      await config().update('neverSend', [WORKSPACE_IP], vscode.ConfigurationTarget.Workspace);
      await eventually('the workspace value', () => config().inspect<string[]>('neverSend')?.workspaceValue?.length === 1);
      const niamonx = await api();
      refusal(await niamonx.runTool('gl_ping', WORKSPACE_IP));
      refusal(await niamonx.runTool('gl_ping', LISTED_IP));
      await config().update('neverSend', [], vscode.ConfigurationTarget.Workspace);
      await eventually('the empty workspace value', () => config().inspect<string[]>('neverSend')?.workspaceValue?.length === 0);
      refusal(await niamonx.runTool('gl_ping', LISTED_IP));
      assert.deepEqual((await internals()).settings().neverSend, [LISTED_RANGE, LISTED_DOMAIN]);
      assert.deepEqual(await sentValues(), []);
    });
  });
});
