import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { callTool } from '../../../src/core/api/apiClient';
import { ToolCallError } from '../../../src/core/errors';

const ROOT = join(__dirname, '..', '..', '..', '..');
// A throwaway self-signed certificate for 127.0.0.1, made for this test only (openssl req -x509).
const TLS = join(ROOT, 'test', 'fixtures', 'tls');

/** A self-signed certificate is a network error; certificate checks are never turned off. */
describe('TLS certificate checks', () => {
  let server: Server;
  let hits = 0;
  before(async () => {
    server = createServer(
      { key: readFileSync(join(TLS, 'self-signed-127.0.0.1.key.pem')), cert: readFileSync(join(TLS, 'self-signed-127.0.0.1.cert.pem')) },
      (_req, res) => {
        hits++;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"data":{}}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a self-signed certificate with a network error that names the certificate, and sends nothing', async () => {
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
    const error = await callTool({
      baseUrl: url,
      apiKey: 'nx-canary-tls-00112233445566',
      tool: 'gl_ping',
      body: { ip: '1.1.1.1' },
      timeoutMs: 5000,
    }).then(
      () => assert.fail('a self-signed certificate was accepted'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ToolCallError);
    assert.equal(error.kind, 'network');
    assert.match(error.message, /certificate/);
    assert.equal(hits, 0, 'no request got through the handshake');
  });

  it('never disables certificate checks anywhere in the extension source', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
      });
    const offenders = sources(join(ROOT, 'src')).filter((file) =>
      /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});
