import assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { callTool, KEY, useEmulator } from './harness';

describe('emulator: waiting, latency and shutdown', () => {
  const { emulator } = useEmulator();
  const ping = { ip: '1.1.1.1' };

  describe('waitForRequest and waitForArrival', () => {
    it('resolves with a request recorded earlier', async () => {
      await callTool(emulator(), 'gl_ping', ping);
      const found = await emulator().waitForRequest((r) => r.tool === 'gl_ping', 100);
      assert.equal(found.status, 200);
    });

    it('resolves with a request still to come', async () => {
      const waiting = emulator().waitForRequest((r) => r.tool === 'ulp_search');
      await callTool(emulator(), 'gl_ping', ping);
      await callTool(emulator(), 'ulp_search', { action: 'search', value: 'a' });
      assert.equal((await waiting).tool, 'ulp_search');
    });

    it('sees an arrival before its answer', async () => {
      emulator().configure({ latencyMs: 60_000 });
      const call = callTool(emulator(), 'gl_ping', ping).catch((error: unknown) => error);
      const arrived = await emulator().waitForArrival((r) => r.tool === 'gl_ping');
      assert.deepEqual(arrived.body, ping);
      assert.deepEqual(emulator().requests, [], 'not answered yet');
      await emulator().close();
      assert.ok((await call) instanceof Error);
    });

    it('rejects on timeout, saying what it saw', async () => {
      await callTool(emulator(), 'gl_ping', ping);
      await assert.rejects(
        emulator().waitForRequest((r) => r.status === 418, 30),
        /Timed out after 30 ms waiting for a matching request; 1 recorded \(last 1: POST \/api\/v2\/gl_ping -> 200\)/,
      );
    });
  });

  describe('latency', () => {
    it('delays answers by the global latency', async () => {
      emulator().configure({ latencyMs: 150 });
      const started = performance.now();
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
      assert.ok(performance.now() - started >= 140, 'answered before the latency');
    });

    it('lets a per-tool latency replace the global one', async () => {
      emulator().configure({ latencyMs: 60_000, toolLatencyMs: { gl_ping: 60_000, breaches_search: 0 } });
      const held = callTool(emulator(), 'gl_ping', ping).catch((error: unknown) => error);
      await emulator().waitForArrival((r) => r.tool === 'gl_ping');
      assert.equal((await callTool(emulator(), 'breaches_search', { query: 'x' })).status, 200);
      assert.deepEqual(
        emulator().requests.map((r) => r.tool),
        ['breaches_search'],
        'gl_ping is still held',
      );
      await emulator().close();
      assert.ok((await held) instanceof Error);
    });

    it('is cancelled when the client goes away, recorded as status 0', async () => {
      emulator().configure({ latencyMs: 60_000 });
      const controller = new AbortController();
      const call = fetch(`${emulator().url}/gl_ping`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': KEY },
        body: JSON.stringify(ping),
        signal: controller.signal,
      });
      await emulator().waitForArrival((r) => r.tool === 'gl_ping', 2000);
      controller.abort();
      await assert.rejects(call, { name: 'AbortError' });
      const recorded = await emulator().waitForRequest((r) => r.tool === 'gl_ping', 2000);
      assert.equal(recorded.status, 0);
    });
  });

  it('reset keeps keys but forgets config, faults and requests', async () => {
    emulator().configure({ disabledTools: ['gl_ping'] });
    emulator().injectFault({ type: 'status', status: 500, sticky: true });
    await callTool(emulator(), 'gl_ping', ping);
    emulator().reset();
    assert.deepEqual(emulator().requests, []);
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
  });

  it('exposes url, origin and port consistently', () => {
    const { url, origin, port } = emulator();
    assert.equal(origin, `http://127.0.0.1:${port}`);
    assert.equal(url, `${origin}/api/v2`);
  });

  describe('close()', () => {
    let own: Emulator | undefined;
    afterEach(async () => own?.close());

    it('does not hang on a request in flight, and ends pending waits', async () => {
      own = await startEmulator({ keys: [KEY], config: { latencyMs: 60_000 } });
      const inFlight = fetch(`${own.url}/gl_ping`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': KEY },
        body: JSON.stringify(ping),
      }).catch((error: unknown) => error);
      const pendingWait = own.waitForRequest(() => false, 60_000).catch((error: unknown) => error);
      await own.waitForArrival((r) => r.tool === 'gl_ping', 2000);
      const started = performance.now();
      await own.close();
      assert.ok(performance.now() - started < 1000, 'close() waited for the delayed request');
      assert.ok((await inFlight) instanceof Error, 'the in-flight call is cut');
      assert.match(String(await pendingWait), /emulator closed/);
      await own.close(); // a second close is harmless
    });

    it('frees the port', async () => {
      own = await startEmulator();
      const { port } = own;
      await own.close();
      own = await startEmulator({ port });
      assert.equal(own.port, port);
    });

    it('reports a taken port', async () => {
      own = await startEmulator();
      await assert.rejects(startEmulator({ port: own.port }), /EADDRINUSE/);
    });
  });
});
