import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { hashKey } from '../../../emulator/server';
import { callTool, KEY, useEmulator } from '../emulator/harness';
import { startMcp, textsOf, type McpSession } from './mcpProcess';

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const QUOTA_TOOLS = ['niamonx_ping', 'niamonx_run_tool', 'niamonx_ping_many'];

describe('the MCP server (node dist/mcp.js over stdio, against the emulator)', function () {
  this.timeout(20_000);
  const { emulator } = useEmulator();
  let session: McpSession | undefined;

  const start = async (env: Record<string, string> = {}) =>
    (session = await startMcp({ NIAMONX_API_KEY: KEY, NIAMONX_API_BASE_URL: emulator().url, ...env }));
  const call = (name: string, args: Record<string, unknown>) => session!.client.callTool({ name, arguments: args });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('lists the five language-model tools with their names and input schemas, and sends nothing', async () => {
    const { client } = await start();
    const { tools } = await client.listTools();
    const contributed = manifest.contributes.languageModelTools as Array<{ name: string; inputSchema: unknown; modelDescription: string }>;
    assert.deepEqual(
      tools.map((tool) => tool.name),
      contributed.map((tool) => tool.name),
    );
    for (const tool of contributed) {
      const listed = tools.find((candidate) => candidate.name === tool.name)!;
      assert.deepEqual(listed.inputSchema, tool.inputSchema, tool.name);
      assert.ok(listed.description?.startsWith(tool.modelDescription), tool.name);
      const spends = QUOTA_TOOLS.includes(tool.name);
      assert.equal(listed.annotations?.readOnlyHint, !spends, tool.name);
      assert.equal(listed.annotations?.openWorldHint, spends, tool.name);
      if (spends) assert.match(listed.description!, /asking the user before a call is the MCP client’s job/);
    }
    assert.equal(emulator().requests.length, 0, 'nothing is sent before a tool is called');
  });

  it('a ping makes exactly one call, with the key, and says what it spent and what remains', async () => {
    await start();
    const [text, budget] = textsOf(await call('niamonx_ping', { ip: '8.8.8.8' }));
    assert.match(text, /^gl_ping 8\.8\.8\.8: OK \(HTTP 200/);
    // The same framing as the language-model tools: the answer inside a data block, marked as data.
    assert.equal(text.split('\n')[1], '<niamonx-data>');
    assert.match(text.split('\n')[0], /untrusted data/);
    assert.equal(JSON.parse(text.split('\n')[2]).ip, '8.8.8.8');
    assert.match(budget, /this call: 1 API call sent\. This server: 1 of 50 calls spent, 49 remain/);
    const requests = emulator().requests;
    assert.equal(requests.length, 1);
    assert.equal(requests[0].tool, 'gl_ping');
    assert.equal(requests[0].keyHash, hashKey(KEY));
    assert.deepEqual(requests[0].body, { ip: '8.8.8.8' });

    const [again, budgetAgain] = textsOf(await call('niamonx_ping', { ip: '8.8.8.8' }));
    assert.match(again, /answered from the local cache, no quota spent/);
    assert.match(budgetAgain, /0 API calls sent, 1 answer from the local cache \(free\)\. This server: 1 of 50 calls spent, 49 remain/);
    assert.equal(emulator().requests.length, 1);
    assert.ok(!session!.stderr().includes(KEY), 'the key never reaches the log');
  });

  it('a ulp_search result reaches the client with every password masked', async () => {
    await start();
    const [text] = textsOf(await call('niamonx_run_tool', { tool: 'ulp_search', input: 'corp-example.com' }));
    const [request] = emulator().requests;
    const answer = await callTool(emulator(), 'ulp_search', request.body);
    const passwords = (answer.json.data.records as Array<{ pass: string }>).map((record) => record.pass).filter((pass) => pass.length >= 4);
    assert.ok(passwords.length > 0, 'the emulator answers plaintext passwords');
    for (const password of passwords) assert.ok(!text.includes(password), `a plaintext password reached the client: ${password}`);
    const records = JSON.parse(text.split('\n')[2]).records as Array<{ pass: string }>;
    assert.ok(records.length > 0);
    assert.ok(records.every((record) => record.pass === '' || /^••••••/.test(record.pass)));
  });

  it('a cooldown gives the model-facing rate-limit error, and the next call is refused without a request', async () => {
    await start();
    emulator().configure({ cooldownSeconds: 120 });
    await call('niamonx_ping', { ip: '8.8.8.1' });
    const refused = await call('niamonx_ping', { ip: '8.8.8.2' });
    assert.equal(refused.isError, true);
    assert.match(textsOf(refused)[0], /^rate-limit: gl_ping is cooling down for \d+ (s|min); do not call it again before then/);
    assert.equal(emulator().requests.length, 2, 'the first call and the one answered 429');
    const local = await call('niamonx_ping_many', { ips: ['8.8.8.3', '8.8.8.4'] });
    assert.equal(local.isError, true);
    assert.match(textsOf(local)[0], /^rate-limit: gl_ping is cooling down/);
    assert.equal(emulator().requests.length, 2, 'no call while cooling down');
  });

  it('the budget (NIAMONX_MAX_CALLS) refuses every new call once spent; cached answers stay free', async () => {
    await start({ NIAMONX_MAX_CALLS: '2' });
    const many = await call('niamonx_ping_many', { ips: ['8.8.8.1', '8.8.8.2', '8.8.8.3'] });
    assert.equal(many.isError, true);
    assert.match(textsOf(many)[0], /^budget: this call needs up to 3 API calls, but only 2 of this NiamonX MCP server's 2 remain/);
    assert.equal(emulator().requests.length, 0, 'a batch over the budget sends nothing');

    await call('niamonx_ping', { ip: '8.8.8.1' });
    const [, budget] = textsOf(await call('niamonx_run_tool', { tool: 'breaches_search', input: 'someone@example.com' }));
    assert.match(budget, /This server: 2 of 2 calls spent, 0 remain/);
    for (const [name, args] of [
      ['niamonx_ping', { ip: '8.8.4.4' }],
      ['niamonx_run_tool', { tool: 'ulp_search', input: 'example.com' }],
      ['niamonx_ping_many', { ips: ['1.1.1.1'] }],
    ] as const) {
      const refused = await call(name, args);
      assert.equal(refused.isError, true, name);
      assert.match(textsOf(refused)[0], /^budget: /, name);
      assert.match(textsOf(refused)[0], /Nothing was sent/, name);
    }
    assert.equal(emulator().requests.length, 2);
    const cached = await call('niamonx_ping_many', { ips: ['8.8.8.1'] });
    assert.equal(cached.isError, undefined);
    assert.match(textsOf(cached)[1], /0 API calls sent, 1 answer from the local cache/);
    assert.equal(emulator().requests.length, 2);
  });

  it('with the default budget of 50, the 51st call is refused', async function () {
    this.timeout(60_000);
    await start();
    const ips = Array.from({ length: 50 }, (_, index) => `8.8.${Math.floor(index / 200)}.${(index % 200) + 1}`);
    const [, budget] = textsOf(await call('niamonx_ping_many', { ips }));
    assert.match(budget, /this call: 50 API calls sent\. This server: 50 of 50 calls spent, 0 remain/);
    const refused = await call('niamonx_ping', { ip: '9.9.9.9' });
    assert.equal(refused.isError, true);
    assert.match(textsOf(refused)[0], /^budget: this NiamonX MCP server has spent its budget of 50 API calls/);
    assert.equal(emulator().requests.length, 50);
  });

  it('bad arguments are protocol errors and send nothing; a non-public address is a model-facing error', async () => {
    await start();
    for (const [name, args] of [
      ['niamonx_ping', { ip: 5 }],
      ['niamonx_ping', {}],
      ['niamonx_run_tool', { tool: 'ulp_search' }],
      ['niamonx_ping_many', { ips: [] }],
      ['niamonx_ping_many', { ips: Array.from({ length: 51 }, () => '8.8.8.8') }],
      ['niamonx_extract_indicators', { text: 'x'.repeat(100_001) }],
      ['niamonx_no_such_tool', {}],
    ] as const) {
      await assert.rejects(
        call(name, args),
        (error: unknown) => error instanceof McpError && error.code === -32602,
        `${name} ${JSON.stringify(args).slice(0, 60)}`,
      );
    }
    const privateAddress = await call('niamonx_ping', { ip: '192.168.1.10' });
    assert.equal(privateAddress.isError, true);
    assert.match(textsOf(privateAddress)[0], /^invalid-input: 192\.168\.1\.10 is a private address/);
    assert.equal(emulator().requests.length, 0);
  });

  it('NIAMONX_NEVER_SEND: a listed address or domain is a model-facing never-send refusal, nothing is sent', async () => {
    await start({ NIAMONX_NEVER_SEND: JSON.stringify(['23.10.0.0/16', 'corp-neversend.com']) });
    const ping = await call('niamonx_ping', { ip: '23.10.5.5' });
    assert.equal(ping.isError, true);
    assert.match(textsOf(ping)[0], /^never-send: /);
    assert.ok(!textsOf(ping)[0].includes('23.10.0.0/16'), 'the model is not told the list');
    const breach = await call('niamonx_run_tool', { tool: 'breaches_search', input: 'bob@vpn.corp-neversend.com' });
    assert.match(textsOf(breach)[0], /^never-send: /);
    assert.equal(emulator().requests.length, 0);
    assert.equal(textsOf(await call('niamonx_ping', { ip: '8.8.8.8' }))[0].startsWith('gl_ping 8.8.8.8: OK'), true);
  });

  it('the free tools answer without a call', async () => {
    await start();
    const [extracted] = textsOf(await call('niamonx_extract_indicators', { text: 'from 8.8.8.8 and bob@example.com' }));
    assert.match(extracted, /8\.8\.8\.8/);
    const [listed] = textsOf(await call('niamonx_list_tools', {}));
    assert.match(listed, /^\d+ NiamonX tools/);
    assert.equal(emulator().requests.length, 0);
  });

  it('a refused key is the model-facing auth error, pointing at the server’s environment', async () => {
    await start({ NIAMONX_API_KEY: 'nx-not-a-known-key-0000' });
    const refused = await call('niamonx_ping', { ip: '8.8.8.8' });
    assert.equal(refused.isError, true);
    assert.match(
      textsOf(refused)[0],
      /^auth: the NiamonX API refused the API key \(HTTP 401\); ask the user to set NIAMONX_API_KEY in the NiamonX MCP server's environment/,
    );
    assert.ok(!textsOf(refused).join('\n').includes('nx-not-a-known-key-0000'));
  });
});
