import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Fault } from '../../../emulator/faults';
import type { ToolRun } from '../../../src/core/errors';
import { ApiKeyStore } from '../../../src/vscode/key/apiKeyStore';
import { warnIfKeyGoesElsewhere } from '../../../src/vscode/key/baseUrlWarning';
import { useEmulator } from '../../../src/vscode/settings/useEmulator';
import type { Services } from '../../../src/vscode/services';
import { failed } from '../../util/failed';
import { api, emulator, eventually, internals, openEditor, outputLogText, resetWorld, select, treeItems } from '../helpers';

/*
 * The fault and bad-input table, run in the extension host with a canary key.
 * Every run's outcome is kept; the last test searches everything the extension wrote for the
 * canary and its first 8 characters. Core-only cases live in test/unit (hostileAnswers,
 * badInput, cachePromises, hostRules); this file covers what needs VS Code.
 */

const CANARY = `nx-canary-${randomBytes(12).toString('hex')}`;
const CANARY_PREFIX = CANARY.slice(0, 8);
const config = () => vscode.workspace.getConfiguration('niamonx');

/** Every outcome the table produced, searched for the key at the end. */
const outcomes: ToolRun[] = [];
let originalBaseUrl: string | undefined;

async function run(tool: string, input: string | object, options?: { signal?: AbortSignal; fresh?: boolean }): Promise<ToolRun> {
  const outcome = await (await api()).runTool(tool, input, options);
  outcomes.push(outcome);
  return outcome;
}

async function useCanary(): Promise<void> {
  await resetWorld();
  await emulator().keys([CANARY]);
  assert.equal(await vscode.commands.executeCommand('niamonx.setApiKey', CANARY), true);
}

async function setBaseUrl(url: string | undefined): Promise<void> {
  await config().update('apiBaseUrl', url, vscode.ConfigurationTarget.Global);
}

/** A loopback server standing in for an attacker: it only counts what reaches it. */
function startAttacker(): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"data":{"stolen":true}}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`, hits: () => hits }),
    ),
  );
}

describe('hardening: fault and bad-input table with a canary key', function () {
  this.timeout(60_000);
  let attacker: Awaited<ReturnType<typeof startAttacker>>;

  before(async () => {
    attacker = await startAttacker();
    originalBaseUrl = config().inspect<string>('apiBaseUrl')?.globalValue;
  });
  after(async () => {
    await setBaseUrl(originalBaseUrl);
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    attacker.server.close();
  });
  beforeEach(useCanary);
  afterEach(async () => {
    await setBaseUrl(originalBaseUrl);
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('no key stored: an auth error that says how to set one, and no request', async () => {
    await vscode.commands.executeCommand('niamonx.clearApiKey');
    const outcome = failed(await run('gl_ping', '8.8.8.8'));
    assert.equal(outcome.error.kind, 'auth');
    assert.match(outcome.error.message, /Set API Key/);
    assert.deepEqual(await emulator().requests(), []);
  });

  it('a key with spaces, CR or LF around it is trimmed; inside it is refused; no header injection', async () => {
    assert.equal(await vscode.commands.executeCommand('niamonx.setApiKey', ` ${CANARY}\r\n`), true);
    assert.equal((await run('gl_ping', '8.8.8.9')).ok, true);
    for (const bad of [`${CANARY}\r\nX-Injected: 1`, `${CANARY}\nX-Injected: 1`, `a b`, `${CANARY}\u0000`]) {
      assert.equal(await vscode.commands.executeCommand('niamonx.setApiKey', bad), false, JSON.stringify(bad));
    }
    assert.equal((await run('gl_ping', '8.8.8.10')).ok, true, 'the earlier key is kept');
    const requests = await emulator().requests();
    assert.equal(requests.length, 2);
    assert.ok(requests.every((request) => !('x-injected' in request.headers)));
  });

  it('key cleared and set again in a row (SecretStorage change events twice): the new state is used each time', async () => {
    await vscode.commands.executeCommand('niamonx.clearApiKey');
    await vscode.commands.executeCommand('niamonx.clearApiKey');
    assert.equal(failed(await run('gl_ping', '8.8.8.11')).error.kind, 'auth');
    await vscode.commands.executeCommand('niamonx.setApiKey', CANARY);
    await vscode.commands.executeCommand('niamonx.setApiKey', CANARY);
    assert.equal((await run('gl_ping', '8.8.8.11')).ok, true);
    assert.equal((await emulator().requests()).length, 1);
  });

  it('key cleared in another window (the change event fired twice): the new state is used, learned state is forgotten', async () => {
    const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    let value: string | undefined = CANARY;
    const shared = {
      get: async () => value,
      store: async (_key: string, next: string) => void (value = next),
      delete: async () => void (value = undefined),
      keys: async () => (value ? ['niamonx.apiKey'] : []),
      onDidChange: changed.event,
    } as unknown as vscode.SecretStorage;
    const store = new ApiKeyStore(shared);
    let announced = 0;
    const listening = store.onDidChange(() => announced++);
    try {
      await store.updateContext();
      assert.equal(store.hasKey, true);
      value = undefined; // the other window cleared it
      changed.fire({ key: 'niamonx.apiKey' });
      changed.fire({ key: 'niamonx.apiKey' });
      await eventually('both change events handled', () => announced === 2);
      assert.equal(store.hasKey, false);
      assert.equal(await store.get(), process.env.NIAMONX_API_KEY ? process.env.NIAMONX_API_KEY.trim() : undefined);
      changed.fire({ key: 'some.other.secret' });
      value = CANARY;
      changed.fire({ key: 'niamonx.apiKey' });
      await eventually('the key set again elsewhere', () => announced === 3 && store.hasKey);
    } finally {
      listening.dispose();
      store.dispose();
      changed.dispose();
    }
  });

  it('SecretStorage throws: a clear error naming the keyring, the key in no message, nothing stored elsewhere', async () => {
    const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const broken: vscode.SecretStorage = {
      get: () => Promise.reject(new Error(`keyring locked while reading ${CANARY}`)),
      store: () => Promise.reject(new Error(`no keyring to store ${CANARY}`)),
      delete: () => Promise.reject(new Error('no keyring')),
      keys: () => Promise.reject(new Error('no keyring')),
      onDidChange: changed.event,
    } as unknown as vscode.SecretStorage;
    const store = new ApiKeyStore(broken);
    try {
      for (const attempt of [() => store.set(CANARY), () => store.get(), () => store.clear()]) {
        const error = await attempt().then(
          () => assert.fail('SecretStorage failed, so must the store'),
          (e: Error) => e,
        );
        assert.match(error.message, /secret storage/);
        assert.match(error.message, /keyring/i);
        assert.ok(!error.message.includes(CANARY_PREFIX), error.message);
        outcomes.push({ ok: false, tool: 'secret-storage', error: { kind: 'auth', message: error.message } });
      }
      await store.updateContext();
      assert.equal(store.hasKey, false, 'a broken store reads as no key');
    } finally {
      store.dispose();
      changed.dispose();
    }
  });

  it('a workspace .vscode/settings.json pointing niamonx.apiBaseUrl elsewhere (dotted and nested) is ignored', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the test window has a workspace folder');
    const settingsFile = join(folder, '.vscode', 'settings.json');
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    for (const [form, settings] of [
      ['dotted', { 'niamonx.apiBaseUrl': attacker.url, 'niamonx.reusePanels': false }],
      ['nested', { niamonx: { apiBaseUrl: attacker.url, reusePanels: false } }],
    ] as const) {
      writeFileSync(settingsFile, JSON.stringify(settings));
      try {
        // The harmless reusePanels marker shows VS Code has read the file.
        await eventually(
          `the ${form} workspace settings`,
          () => config().inspect('reusePanels')?.workspaceValue === false || form === 'nested',
        );
        const outcome = await run('gl_ping', form === 'dotted' ? '8.8.4.1' : '8.8.4.2');
        assert.equal(outcome.ok, true, JSON.stringify(outcome));
      } finally {
        rmSync(settingsFile, { force: true });
      }
    }
    await eventually('the workspace settings to be gone', () => config().inspect('reusePanels')?.workspaceValue === undefined);
    assert.equal(attacker.hits(), 0, 'the attacker server received nothing');
    assert.equal((await emulator().requests()).length, 2, 'both runs went to the user-level base URL');
  });

  const refusedBaseUrls: [string, string, RegExp][] = [
    ['6. http:// to a non-loopback host', 'http://dash.niamonx.io/api/v2', /only https/],
    ['6. http:// to a private address', 'http://10.0.0.1/api/v2', /only https/],
    ['7. a look-alike host (suffix)', 'https://dash.niamonx.io.evil.example/api/v2', /not a NiamonX host/],
    ['7. a look-alike host (user@host)', 'https://dash.niamonx.io@evil.example/api/v2', /user name or password/],
    ['7. a look-alike host (hyphen)', 'https://dash-niamonx.io/api/v2', /not a NiamonX host/],
    ['7. localhost as a subdomain', 'http://localhost.evil.example/api/v2', /only https/],
  ];
  for (const [name, url, message] of refusedBaseUrls) {
    it(`${name}: refused with a config error, no request anywhere`, async () => {
      await setBaseUrl(url);
      const outcome = failed(await run('gl_ping', '8.8.8.12'));
      assert.equal(outcome.error.kind, 'config');
      assert.match(outcome.error.message, message);
      assert.deepEqual(await emulator().requests(), []);
      assert.equal(attacker.hits(), 0);
    });
  }

  for (const status of [301, 302, 307, 308] as const) {
    it(`a ${status} redirect to another host is not followed; that host receives nothing`, async () => {
      await emulator().fault({ type: 'redirect', status, to: `${attacker.url}/gl_ping` });
      const outcome = failed(await run('gl_ping', '8.8.8.13'));
      assert.equal(outcome.error.kind, 'bad-response');
      assert.match(outcome.error.message, /redirect/);
      assert.equal(attacker.hits(), 0);
    });
  }

  const badBodies: [string, Fault, RegExp][] = [
    ['HTML', { type: 'html', status: 200 }, /HTTP 200, text\/html/],
    ['an empty body', { type: 'empty-body' }, /empty body/],
    ['truncated JSON without Content-Length', { type: 'truncated-json' }, /HTTP 200/],
    ['a body shorter than its Content-Length', { type: 'short-body' }, /closed before the answer was complete/],
    ['null', { type: 'status', status: 200, body: 'null', headers: { 'Content-Type': 'application/json' } }, /HTTP 200, application\/json/],
    [
      'an array',
      { type: 'status', status: 200, body: '[1,2]', headers: { 'Content-Type': 'application/json' } },
      /HTTP 200, application\/json/,
    ],
    ['data nested 100,000 levels deep', { type: 'deep-json', depth: 100_000 }, /nests more than 256 levels/],
    ['objects nested 100,000 levels deep', { type: 'deep-json', depth: 100_000, shape: 'object' }, /nests more than 256 levels/],
    ['a body over the cap (streamed, no length)', { type: 'oversized', megabytes: 11 }, /larger than 10 MB/],
    ['a body over the cap (declared)', { type: 'oversized', megabytes: 11, declareLength: true }, /larger than 10 MB/],
  ];
  for (const [name, fault, message] of badBodies) {
    it(`a 200 with ${name}: bad-response with status and content type, logged and stored`, async () => {
      await emulator().fault(fault);
      const outcome = failed(await run('gl_ping', '8.8.8.14'));
      assert.equal(outcome.error.kind, 'bad-response');
      assert.equal(outcome.status, 200);
      assert.match(outcome.error.message, message);
      const log = await eventually('the failure in the output log', () => outcomeLogged(outcome.error.message));
      assert.ok(log);
      const [item] = await treeItems((await internals()).historyTree);
      assert.match(String((item.tooltip as vscode.MarkdownString)?.value ?? item.tooltip), /8\.8\.8\.14/);
    });
  }

  it('data nested 256 levels deep is shown, logged, stored and exported without a crash', async () => {
    await config().update('resultView', 'both', vscode.ConfigurationTarget.Global);
    try {
      await emulator().fault({ type: 'deep-json', depth: 255 });
      const outcome = await run('gl_ping', '8.8.8.15');
      assert.equal(outcome.ok, true, JSON.stringify(outcome).slice(0, 300));
      const [item] = await treeItems((await internals()).historyTree);
      const record = item.command!.arguments![0];
      const folder = join(tmpdir(), `niamonx-deep-${Date.now()}`);
      for (const format of ['json', 'csv', 'markdown'] as const) {
        const target = vscode.Uri.file(join(folder, `deep.${format}`));
        assert.equal(
          (await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.export', record, { format, target }))?.fsPath,
          target.fsPath,
        );
      }
      const { panels } = await internals();
      const open = panels.openPanels.size;
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      await eventually(
        'the results panel',
        () => panels.openPanels.size > open || [...panels.openPanels.values()].some((shown) => shown.record.input === '8.8.8.15'),
      );
      assert.ok(outputLogText().includes('8.8.8.15 data:'), 'the pretty data was logged');
    } finally {
      await config().update('resultView', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('no response headers: a timeout that names the setting, and exactly one request (no retry)', async () => {
    await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await emulator().configure({ latencyMs: 3000 });
    const outcome = failed(await run('gl_ping', '8.8.8.16'));
    assert.equal(outcome.error.kind, 'timeout');
    assert.match(outcome.error.message, /requestTimeoutSeconds/);
    assert.equal((await emulator().waitFor('gl_ping', 1)).length, 1);
  });

  it('a body trickling past the deadline: timeout', async () => {
    await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await emulator().fault({ type: 'slow', trickleChunks: 40, trickleIntervalMs: 100 });
    assert.equal(failed(await run('gl_ping', '8.8.8.17')).error.kind, 'timeout');
  });

  it('cancel: quiet "cancelled", no request when cancelled first, no history entry, no success', async () => {
    const before = (await treeItems((await internals()).historyTree)).length;
    const controller = new AbortController();
    controller.abort();
    const outcome = failed(await run('gl_ping', '8.8.8.18', { signal: controller.signal }));
    assert.equal(outcome.error.kind, 'cancelled');
    assert.deepEqual(await emulator().requests(), []);
    assert.equal((await treeItems((await internals()).historyTree)).length, before, 'a cancelled run is not a result');
  });

  it('a refused connection: network error with what to check', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setBaseUrl(`http://127.0.0.1:${port}/api/v2`);
    const outcome = failed(await run('gl_ping', '8.8.8.19'));
    assert.equal(outcome.error.kind, 'network');
    assert.match(outcome.error.message, /connection refused/);
  });

  const statuses: [string, Fault, string, RegExp][] = [
    ['400', { type: 'status', status: 400, body: { success: false, error: 'ip is invalid' } }, 'validation', /ip is invalid/],
    ['401', { type: 'status', status: 401, body: { success: false, error: 'Invalid API key' } }, 'auth', /Set API Key/],
    ['403', { type: 'status', status: 403, body: { success: false, error: 'Tool disabled' } }, 'disabled', /disabled/],
    ['404', { type: 'status', status: 404, body: { success: false, error: 'Unknown tool' } }, 'unknown-tool', /does not know the tool/],
    ['405', { type: 'status', status: 405, body: { success: false, error: 'Method not allowed' } }, 'method', /request method/],
  ];
  for (const [status, fault, kind, message] of statuses) {
    it(`HTTP ${status}: ${kind} with its own message, and no retry`, async () => {
      await emulator().fault(fault);
      const outcome = failed(await run('gl_ping', '8.8.8.20'));
      assert.equal(outcome.error.kind, kind);
      assert.match(outcome.error.message, message);
      assert.equal((await emulator().requests()).length, 1);
    });
  }

  const retryAfters: [string, () => Record<string, string>, (seconds: number | undefined) => boolean][] = [
    ['as seconds', () => ({ 'Retry-After': '42' }), (s) => s === 42],
    // Built when the test runs: a date made when the table was built would have aged.
    ['as a date', () => ({ 'Retry-After': new Date(Date.now() + 120_000).toUTCString() }), (s) => s !== undefined && s >= 100 && s <= 121],
    ['missing', () => ({}), (s) => s === undefined || s <= 86_400],
    ['invalid', () => ({ 'Retry-After': 'soon' }), (s) => s === undefined || s <= 86_400],
    ['negative', () => ({ 'Retry-After': '-5' }), (s) => s === undefined || (s >= 0 && s <= 86_400)],
    ['a whole day', () => ({ 'Retry-After': '86400' }), (s) => s !== undefined && s <= 86_400],
    ['absurd', () => ({ 'Retry-After': '999999999' }), (s) => s === undefined || s <= 86_400],
  ];
  for (const [name, headers, bounded] of retryAfters) {
    it(`429 with Retry-After ${name}: bounded wait, then no request while cooling down`, async () => {
      await emulator().fault({ type: 'status', status: 429, body: { success: false, error: 'Too many requests' }, headers: headers() });
      const outcome = failed(await run('gl_ping', '8.8.8.21'));
      assert.equal(outcome.error.kind, 'rate-limit');
      assert.ok(bounded(outcome.error.retryAfterSeconds), `retryAfterSeconds ${outcome.error.retryAfterSeconds}`);
      const second = failed(await run('gl_ping', '8.8.8.22'));
      assert.equal(second.error.kind, 'rate-limit');
      assert.equal((await emulator().requests()).length, 1, 'the cooldown is respected locally');
    });
  }

  for (const status of [500, 502, 503]) {
    it(`HTTP ${status} from the Ping command: the editor, its text and selection are kept`, async () => {
      const text = 'edge 203.0.113.77 dropped';
      const editor = await openEditor(text);
      const selection = select(editor, '203.0.113.77');
      await emulator().fault({ type: 'status', status, body: { success: false, error: 'upstream down' } });
      await vscode.commands.executeCommand('niamonx.ping');
      await emulator().waitFor('gl_ping', 1);
      assert.equal(editor.document.getText(), text);
      assert.ok(editor.selection.isEqual(selection));
      const [item] = await treeItems((await internals()).historyTree);
      assert.match(
        (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '),
        new RegExp(`server error \\\\?\\(HTTP ${status}`),
      );
    });
  }

  it('a double click on Run (tool tree): one API call and one history entry', async () => {
    await emulator().configure({ latencyMs: 300 });
    const editor = await openEditor('peer 192.0.2.99 reset');
    select(editor, '192.0.2.99');
    const node = await firstToolNode('gl_ping');
    assert.ok(node, 'the Ping tool is in the tree');
    const before = (await treeItems((await internals()).historyTree)).length;
    const [first, second] = await Promise.all([
      vscode.commands.executeCommand<ToolRun>('niamonx.tree.runTool', node),
      vscode.commands.executeCommand<ToolRun>('niamonx.tree.runTool', node),
    ]);
    outcomes.push(first, second);
    assert.equal(first?.ok, true, JSON.stringify(first));
    assert.deepEqual(first, second, 'both clicks get the same run');
    assert.equal((await emulator().requests()).length, 1);
    assert.equal((await treeItems((await internals()).historyTree)).length, before + 1);
  });

  it("a double click on a hover's Ping link (the same command twice at once): one API call and one history entry", async () => {
    await emulator().configure({ latencyMs: 300 });
    const before = (await treeItems((await internals()).historyTree)).length;
    const runs = await Promise.all([1, 2].map(() => vscode.commands.executeCommand<ToolRun>('niamonx.ping', '192.0.2.98')));
    outcomes.push(...runs);
    assert.equal((await emulator().requests()).length, 1);
    assert.equal((await treeItems((await internals()).historyTree)).length, before + 1);
  });

  it('Ping on an answer nested 100,000 levels deep shows bad-response, logged and in the history', async () => {
    await emulator().fault({ type: 'deep-json', depth: 100_000 });
    await vscode.commands.executeCommand('niamonx.ping', '192.0.2.97');
    const [item] = await treeItems((await internals()).historyTree);
    assert.match((item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /192\.0\.2\.97[\s\S]*nests more than 256 levels/);
    await eventually('the failure in the log', () => outcomeLogged('192.0.2.97 → bad-response HTTP 200'));
  });

  const hostile =
    '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) [x](command:workbench.action.terminal.new) ```\r``` \u001b[31mred\u001b[0m';
  it('hostile text in an answer is inert: escaped in tooltips, no raw controls in the log, not in the page HTML', async () => {
    await emulator().fault({ type: 'status', status: 500, body: { success: false, error: hostile } });
    const outcome = failed(await run('gl_ping', '8.8.8.23'));
    assert.ok(!/[\u0000-\u001f]/.test(outcome.error.message), 'no control characters in the message');
    const [item] = await treeItems((await internals()).historyTree);
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(!tooltip.isTrusted, 'the history tooltip trusts no command link');
    assert.ok(!tooltip.supportHtml, 'the history tooltip renders no HTML');
    assert.ok(!/\]\(command:/.test(tooltip.value), `the command link is escaped: ${tooltip.value}`);
    const tools = await treeItems((await internals()).toolTree);
    for (const tool of tools) {
      if (tool.tooltip instanceof vscode.MarkdownString) {
        assert.ok(tool.tooltip.isTrusted !== true && !tool.tooltip.supportHtml);
        assert.ok(!/\]\(command:workbench/.test(tool.tooltip.value));
      }
    }
    const log = await eventually('the log line', () => outcomeLogged('8.8.8.23'));
    assert.ok(!log.includes('\u001b'), 'no ANSI escape reaches the output channel');

    await emulator().fault({ type: 'status', status: 200, body: { success: true, data: { banner: hostile, 'javascript:x': hostile } } });
    await config().update('resultView', 'webview', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openEditor('host 198.51.100.77');
      select(editor, '198.51.100.77');
      await vscode.commands.executeCommand('niamonx.ping');
      const { panels } = await internals();
      const html = await eventually('a results panel', () => [...panels.openPanels.keys()].at(-1)?.webview.html);
      checkWebviewHtml(html);
      assert.ok(!html.includes('alert('), 'answer data is never written into the page HTML');
    } finally {
      await config().update('resultView', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a server echoing the key in an error body and in headers: scrubbed from every message', async () => {
    for (const fault of [
      { type: 'echo-key', status: 401, in: 'body' },
      { type: 'echo-key', status: 500, in: 'both' },
      { type: 'echo-key', status: 200, in: 'header' },
      { type: 'echo-key', status: 302, in: 'header' },
    ] as Fault[]) {
      await emulator().fault(fault);
      const outcome = failed(await run('gl_ping', '8.8.8.24', { fresh: true }));
      assert.match(outcome.error.message, /\[redacted\]/, `the echo reached the client and was scrubbed: ${outcome.error.message}`);
    }
    assert.equal((await emulator().requests()).filter((request) => request.fault === 'echo-key').length, 4);
  });

  it('the public API resolves every failure to { ok: false, error }, even for nonsense arguments', async () => {
    const niamonx = await api();
    const nonsense: [unknown, unknown][] = [
      [undefined, undefined],
      [null, null],
      [{}, {}],
      ['gl_ping', []],
      ['gl_ping', Symbol('x')],
      ['../etc/passwd', '1.1.1.1'],
      [
        'gl_ping',
        {
          toJSON: () => {
            throw new Error(`boom ${CANARY}`);
          },
        },
      ],
    ];
    for (const [tool, input] of nonsense) {
      const outcome = await (niamonx.runTool as (...args: unknown[]) => Promise<ToolRun>)(tool, input).then(
        (value) => value,
        (error: Error) => assert.fail(`runTool rejected: ${error.message}`),
      );
      outcomes.push(outcome);
      assert.equal(outcome.ok, false, String(tool));
      if (!outcome.ok) assert.equal(typeof outcome.error.message, 'string');
    }
    assert.deepEqual(await emulator().requests(), []);
  });

  it('warns when a key is set while the base URL is not the official API; quiet for the default and the emulator from source', async () => {
    const { context } = await internals();
    const keys = new ApiKeyStore(context!.secrets);
    const services = { developmentMode: context!.extensionMode !== vscode.ExtensionMode.Production, keys } as unknown as Services;
    try {
      await setBaseUrl('https://eu.dash.niamonx.io/api/v2');
      assert.equal(await warnIfKeyGoesElsewhere(services), true);
      await setBaseUrl(undefined);
      assert.equal(await warnIfKeyGoesElsewhere(services), false);
      await setBaseUrl('http://127.0.0.1:8787/api/v2');
      assert.equal(await warnIfKeyGoesElsewhere(services), false, 'running from source against the emulator');
      const installed = { developmentMode: false, keys } as unknown as Services;
      assert.equal(await warnIfKeyGoesElsewhere(installed), true, 'an installed extension on a loopback URL warns');
    } finally {
      keys.dispose();
    }
  });

  it('"Try the Emulator" does nothing in an installed (production) extension', async () => {
    const before = config().inspect<string>('apiBaseUrl')?.globalValue;
    await useEmulator({ developmentMode: false } as unknown as Services);
    assert.equal(config().inspect<string>('apiBaseUrl')?.globalValue, before, 'the base URL is untouched');
  });

  it('leaks the canary key (and its first 8 characters) nowhere: log files, state, storage, exports, webviews, messages', async () => {
    const { context, panels } = await internals();
    assert.ok(context, 'the extension context is reachable for the scan');
    const folder = join(tmpdir(), `niamonx-canary-export-${Date.now()}`);
    const exported: string[] = [];
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('niamonx.history.exportAll', {
        format,
        target: vscode.Uri.file(join(folder, `all.${format}`)),
      });
      if (uri) exported.push(readFileSync(uri.fsPath, 'utf8'));
    }
    assert.ok(exported.length === 3, 'the history was exported in three formats');
    const places: [string, string][] = [
      ['output log files', outputLogText()],
      ['globalState', JSON.stringify(context.globalState.keys().map((key) => [key, context.globalState.get(key)]))],
      ['workspaceState', JSON.stringify(context.workspaceState.keys().map((key) => [key, context.workspaceState.get(key)]))],
      ['global storage folder', filesBelow(context.globalStorageUri.fsPath)],
      ['storage folder', context.storageUri ? filesBelow(context.storageUri.fsPath) : ''],
      ['exported files', exported.join('\n')],
      ['webview HTML', [...panels.openPanels.keys()].map((panel) => panel.webview.html).join('\n')],
      ['error messages', JSON.stringify(outcomes)],
    ];
    assert.ok(outcomes.length > 40, `the table ran (${outcomes.length} outcomes)`);
    assert.ok(places[0][1].includes('8.8.8.24'), 'the log holds the echo runs (the scan is not of an empty file)');
    const hits = places.filter(([, text]) => text.includes(CANARY) || text.includes(CANARY_PREFIX)).map(([where]) => where);
    assert.deepEqual(hits, [], `the canary key was found in: ${hits.join(', ')}`);
  });
});

function outcomeLogged(fragment: string): string | undefined {
  const text = outputLogText();
  return text.includes(fragment) ? text : undefined;
}

async function firstToolNode(name: string): Promise<unknown> {
  const { toolTree } = await internals();
  const walk = async (parent?: unknown): Promise<unknown> => {
    for (const child of (await toolTree.getChildren(parent)) ?? []) {
      const item = await toolTree.getTreeItem(child);
      if (item.contextValue?.startsWith('tool') && JSON.stringify(item).includes(name)) return child;
      const found = await walk(child);
      if (found) return found;
    }
    return undefined;
  };
  return walk();
}

/** 27: a strict CSP, nonced scripts only, no inline handlers. */
function checkWebviewHtml(html: string): void {
  const csp = /<meta[^>]+Content-Security-Policy[^>]+content="([^"]+)"/i.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce, `a script nonce in the CSP: ${csp}`);
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp));
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
  assert.ok(!/\son[a-z]+\s*=/i.test(html), 'no inline event handlers');
}

function filesBelow(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return '';
  }
  return names
    .map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : readFileSync(path, 'latin1');
    })
    .join('\n');
}
