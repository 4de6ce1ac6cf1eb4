import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { KEY, useEmulator } from '../emulator/harness';
import { spawnMcp } from './mcpProcess';

/** JSON-RPC over the child's stdio by hand: the SDK's client would end the process itself on close. */
function rpc(child: ChildProcess): (message: object, id?: number) => Promise<any> {
  let buffer = '';
  const answers = new Map<number, unknown>();
  const waiting = new Map<number, (answer: unknown) => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const answer = JSON.parse(line) as { id?: number };
      if (answer.id === undefined) continue;
      answers.set(answer.id, answer);
      waiting.get(answer.id)?.(answer);
    }
  });
  return (message, id) => {
    child.stdin!.write(`${JSON.stringify({ jsonrpc: '2.0', ...message, ...(id === undefined ? {} : { id }) })}\n`);
    if (id === undefined) return Promise.resolve(undefined);
    return new Promise((resolve) => (answers.has(id) ? resolve(answers.get(id)) : waiting.set(id, resolve)));
  };
}

describe('the MCP server process', function () {
  this.timeout(20_000);

  it('without NIAMONX_API_KEY, exits non-zero with a clear message on stderr and nothing on stdout', async () => {
    const server = spawnMcp({});
    let stdout = '';
    server.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    assert.notEqual(await server.exited, 0);
    assert.match(server.stderr(), /NIAMONX_API_KEY is not set/);
    assert.equal(stdout, '');
  });

  it('refuses a base URL that would send the key unencrypted, without printing the key', async () => {
    const server = spawnMcp({ NIAMONX_API_KEY: 'nx-secret-key-123456', NIAMONX_API_BASE_URL: 'http://api.example.com/api/v2' });
    assert.notEqual(await server.exited, 0);
    assert.match(server.stderr(), /NIAMONX_API_BASE_URL: .*only https:\/\/ is allowed/);
    assert.ok(!server.stderr().includes('nx-secret-key-123456'));
  });

  describe('with the emulator', () => {
    const { emulator } = useEmulator();

    it('ends when its client closes stdin, even with a call still waiting for the API', async () => {
      emulator().configure({ toolLatencyMs: { gl_ping: 600_000 } });
      const server = spawnMcp({ NIAMONX_API_KEY: KEY, NIAMONX_API_BASE_URL: emulator().url });
      const send = rpc(server.child);
      await send(
        {
          method: 'initialize',
          params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'niamonx-unit-test', version: '0' } },
        },
        1,
      );
      await send({ method: 'notifications/initialized' });
      void send({ method: 'tools/call', params: { name: 'niamonx_ping', arguments: { ip: '8.8.8.8' } } }, 2);
      await emulator().waitForArrival((request) => request.tool === 'gl_ping');
      server.child.stdin!.end();
      // Without its own handler the process would wait for that answer (minutes): the test's timeout.
      assert.equal(await server.exited, 0);
    });
  });

  it('ends when its client closes stdin', async () => {
    const server = spawnMcp({ NIAMONX_API_KEY: 'nx-secret-key-123456', NIAMONX_API_BASE_URL: 'http://127.0.0.1:9/api/v2' });
    while (!server.stderr().includes('ready')) await once(server.child.stderr!, 'data');
    server.child.stdin!.end();
    assert.equal(await server.exited, 0);
  });
});
