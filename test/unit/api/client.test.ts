import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../../../emulator/server';
import { callTool, type ToolCall } from '../../../src/core/api/apiClient';
import type { ErrorKind, ToolCallError } from '../../../src/core/errors';
import { callFailure } from '../support/callFailure';
import { useSharedEmulator } from '../support/emulatorAndRunner';

const KEY = 'nx-client-test-key-0123456789';

/** Calls the emulator and returns the ToolCallError it must fail with. */
async function failure(call: Partial<ToolCall> & { baseUrl: string }): Promise<ToolCallError> {
  return callFailure({ apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 5000, ...call }, KEY);
}

describe('API client against the emulator', () => {
  const emulator = useSharedEmulator(KEY);

  it('POSTs JSON with the key header and returns data, status and duration', async () => {
    const answer = await callTool({ baseUrl: emulator().url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 5000 });
    assert.equal(answer.status, 200);
    assert.equal((answer.data as { ip: string }).ip, '1.1.1.1');
    assert.ok(answer.durationMs >= 0);
    const [request] = emulator().requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/api/v2/gl_ping');
    assert.match(request.headers['content-type'], /application\/json/);
    assert.equal(request.hasKey, true);
  });

  const statuses: [string, () => void | Promise<void>, Partial<ToolCall>, ErrorKind, number][] = [
    ['400', () => undefined, { body: { ip: 'nope' } }, 'validation', 400],
    ['401 (wrong key)', () => undefined, { apiKey: 'nx-wrong-key-000000000' }, 'auth', 401],
    ['401 (revoked key)', () => emulator().revokeKey(KEY), {}, 'auth', 401],
    ['403', () => emulator().configure({ disabledTools: ['gl_ping'] }), {}, 'disabled', 403],
    ['404', () => undefined, { tool: 'no_such_tool' }, 'unknown-tool', 404],
    ['500', () => emulator().injectFault({ type: 'status', status: 500, body: { error: 'boom' } }), {}, 'server', 500],
    ['503 HTML', () => emulator().injectFault({ type: 'html', status: 503 }), {}, 'server', 503],
  ];
  for (const [name, arrange, call, kind, status] of statuses) {
    it(`maps ${name} to ${kind}`, async () => {
      await arrange();
      try {
        const error = await failure({ baseUrl: emulator().url, ...call });
        assert.equal(error.kind, kind);
        assert.equal(error.status, status);
      } finally {
        emulator().addKey(KEY);
      }
    });
  }

  it('maps 405 to method (a GET-only proxy in front of the API)', async () => {
    const error = await failure({
      baseUrl: emulator().url,
      fetchImpl: (url, init) => fetch(url, { ...init, method: 'GET', body: undefined }),
    });
    assert.equal(error.kind, 'method');
  });

  it('maps a cooldown 429 with Retry-After', async () => {
    emulator().configure({ cooldownSeconds: 30 });
    await callTool({ baseUrl: emulator().url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 5000 });
    const error = await failure({ baseUrl: emulator().url });
    assert.equal(error.kind, 'rate-limit');
    assert.ok(error.retryAfterSeconds! > 0 && error.retryAfterSeconds! <= 30);
    assert.equal(error.daily, false);
  });

  it('reads the wait from the message when a 429 has no Retry-After', async () => {
    emulator().configure({ cooldownSeconds: 45, retryAfterHeader: false });
    await callTool({ baseUrl: emulator().url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 5000 });
    const error = await failure({ baseUrl: emulator().url });
    assert.ok(error.retryAfterSeconds! > 0 && error.retryAfterSeconds! <= 45, String(error.retryAfterSeconds));
  });

  it('flags a daily limit', async () => {
    emulator().configure({ dailyLimit: 1 });
    await callTool({ baseUrl: emulator().url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 5000 });
    const error = await failure({ baseUrl: emulator().url, body: { ip: '2.2.2.2' } });
    assert.equal(error.kind, 'rate-limit');
    assert.equal(error.daily, true);
    assert.ok(error.retryAfterSeconds! > 0);
  });

  it('reads a 429 Retry-After given as an HTTP date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    emulator().injectFault({ type: 'status', status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': inTwoMinutes } });
    const error = await failure({ baseUrl: emulator().url });
    assert.ok(error.retryAfterSeconds! >= 100 && error.retryAfterSeconds! <= 121, String(error.retryAfterSeconds));
  });

  const bodies: [string, Parameters<Emulator['injectFault']>[0], RegExp][] = [
    ['an HTML body on a 200', { type: 'html', status: 200 }, /HTTP 200, text\/html/],
    ['truncated JSON', { type: 'truncated-json' }, /HTTP 200/],
    ['success: false on a 200', { type: 'success-false', error: 'backend said no' }, /backend said no/],
    ['an empty 200', { type: 'empty-body' }, /empty body/],
  ];
  for (const [name, fault, message] of bodies) {
    it(`reports ${name} as bad-response`, async () => {
      emulator().injectFault(fault);
      const error = await failure({ baseUrl: emulator().url });
      assert.equal(error.kind, 'bad-response');
      assert.match(error.message, message);
    });
  }

  it('does not follow a redirect, so the key never reaches the new address', async () => {
    emulator().injectFault({ type: 'redirect', status: 302 });
    const error = await failure({ baseUrl: emulator().url });
    assert.equal(error.kind, 'bad-response');
    assert.match(error.message, /redirect/);
    assert.equal(emulator().requests.filter((r) => r.redirectFollowUp).length, 0);
  });

  it('refuses an oversized body', async () => {
    emulator().injectFault({ type: 'oversized', megabytes: 3 });
    const error = await failure({ baseUrl: emulator().url, maxBodyBytes: 1024 * 1024 });
    assert.equal(error.kind, 'bad-response');
    assert.match(error.message, /larger than 1 MB/);
  });

  it('refuses an oversized body announced by Content-Length without reading it', async () => {
    emulator().injectFault({ type: 'oversized', megabytes: 3, declareLength: true });
    const error = await failure({ baseUrl: emulator().url, maxBodyBytes: 1024 * 1024 });
    assert.match(error.message, /larger than 1 MB/);
  });

  it('times out on a slow answer and names the setting', async () => {
    emulator().configure({ latencyMs: 5000 });
    const error = await failure({ baseUrl: emulator().url, timeoutMs: 200 });
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /niamonx\.requestTimeoutSeconds/);
  });

  it('times out on a body that trickles past the deadline', async () => {
    emulator().injectFault({ type: 'slow', trickleChunks: 50, trickleIntervalMs: 100 });
    const error = await failure({ baseUrl: emulator().url, timeoutMs: 300 });
    assert.equal(error.kind, 'timeout');
  });

  it('reports a cancel as cancelled once the server holds the request', async () => {
    emulator().configure({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = failure({ baseUrl: emulator().url, signal: controller.signal });
    await emulator().waitForArrival((request) => request.tool === 'gl_ping');
    controller.abort();
    assert.equal((await pending).kind, 'cancelled');
  });

  it('reports a reset connection as network', async () => {
    emulator().injectFault({ type: 'reset' });
    const error = await failure({ baseUrl: emulator().url });
    assert.equal(error.kind, 'network');
  });

  it('refuses a non-loopback http base URL without a request', async () => {
    const error = await failure({ baseUrl: 'http://example.invalid/api/v2' });
    assert.equal(error.kind, 'config');
  });

  it('refuses a missing or malformed key without a request', async () => {
    assert.equal((await failure({ baseUrl: emulator().url, apiKey: undefined })).kind, 'auth');
    assert.equal((await failure({ baseUrl: emulator().url, apiKey: 'two words' })).kind, 'auth');
    assert.equal(emulator().requests.length, 0);
  });
});

describe('API client without a server', () => {
  let closed: Server;
  let port: number;
  before(async () => {
    // Take a free port, then close it: connecting there is refused.
    closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });

  it('explains a refused connection and what to check', async () => {
    const error = await failure({ baseUrl: `http://127.0.0.1:${port}/api/v2` });
    assert.equal(error.kind, 'network');
    assert.match(error.message, /connection refused/);
    assert.match(error.message, /niamonx\.apiBaseUrl/);
  });

  it('scrubs the key from an unexpected failure that echoes it', async () => {
    // Thrown while the answer is read, so the raw message (with the key) reaches the scrubber
    // as it is; networkError() would have built a fresh message and hidden a missing scrub.
    const echoing = {
      status: 200,
      headers: {
        get: () => {
          throw new Error(`bad header ${KEY}`);
        },
      },
      body: null,
    } as unknown as Response;
    const error = await failure({ baseUrl: `http://127.0.0.1:${port}/api/v2`, fetchImpl: async () => echoing });
    assert.match(error.message, /Unexpected failure: bad header \[redacted\]/);
  });
});
