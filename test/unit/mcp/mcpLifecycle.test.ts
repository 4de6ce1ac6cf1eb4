import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { spawnMcp } from './mcpProcess';

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

  it('ends when its client closes stdin', async () => {
    const server = spawnMcp({ NIAMONX_API_KEY: 'nx-secret-key-123456', NIAMONX_API_BASE_URL: 'http://127.0.0.1:9/api/v2' });
    while (!server.stderr().includes('ready')) await once(server.child.stderr!, 'data');
    server.child.stdin!.end();
    assert.equal(await server.exited, 0);
  });
});
