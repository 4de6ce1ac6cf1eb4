import assert from 'node:assert/strict';
import { hashKey } from '../../../emulator/server';
import { callTool, KEY, useEmulator } from './harness';

const ping = { ip: '1.1.1.1' };

describe('emulator: fault injection', () => {
  const { emulator } = useEmulator();

  it('html: answers text/html with 502 by default, or the given status', async () => {
    emulator().injectFault({ type: 'html' });
    emulator().injectFault({ type: 'html', status: 200 });
    const first = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(first.status, 502);
    assert.match(first.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(first.text, /<html>/);
    assert.equal(first.json, undefined);
    const second = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(second.status, 200);
    assert.match(second.text, /^<!DOCTYPE html>/);
  });

  it('truncated-json: 200 whose body stops mid-JSON as the socket ends', async () => {
    emulator().injectFault({ type: 'truncated-json' });
    const answer = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(answer.text, '{"success":true,"data":{"ip":');
    assert.throws(() => JSON.parse(answer.text), SyntaxError);
  });

  it('success-false: 200 with success false and a message', async () => {
    emulator().injectFault({ type: 'success-false', error: 'Upstream source unavailable' });
    const answer = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { success: false, error: 'Upstream source unavailable' });
  });

  it('empty-body: no body at all, with 200 or a given status', async () => {
    emulator().injectFault({ type: 'empty-body' });
    emulator().injectFault({ type: 'empty-body', status: 500 });
    const first = await callTool(emulator(), 'gl_ping', ping);
    assert.deepEqual([first.status, first.text], [200, '']);
    const second = await callTool(emulator(), 'gl_ping', ping);
    assert.deepEqual([second.status, second.text], [500, '']);
  });

  describe('redirect', () => {
    it('points Location at a landing path and records the follow-up, with or without key', async () => {
      emulator().injectFault({ type: 'redirect', sticky: true });
      const answer = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(answer.status, 302);
      const location = answer.headers.get('location') ?? '';
      assert.equal(location, `${emulator().origin}/redirected/api/v2/gl_ping`);

      await fetch(location, { method: 'POST', headers: { 'X-API-Key': KEY } });
      await fetch(location, { method: 'POST' });
      const followUps = emulator().requests.filter((r) => r.redirectFollowUp);
      assert.deepEqual(
        followUps.map((r) => [r.path, r.hasKey, r.keyHash]),
        [
          ['/redirected/api/v2/gl_ping', true, hashKey(KEY)],
          ['/redirected/api/v2/gl_ping', false, undefined],
        ],
      );
    });

    it('lets a following client (fetch default) carry the key to the same server, which is recorded', async () => {
      emulator().injectFault({ type: 'redirect', status: 307 });
      const followed = await callTool(emulator(), 'gl_ping', ping, { redirect: 'follow' });
      assert.deepEqual(followed.json, { success: true, data: { redirected: true } });
      const followUp = await emulator().waitForRequest((r) => r.redirectFollowUp === true, 1000);
      assert.equal(followUp.keyHash, hashKey(KEY));
    });

    it('accepts a path on this server or any URL', async () => {
      emulator().injectFault({ type: 'redirect', to: '/api/v2/breaches_search' });
      emulator().injectFault({ type: 'redirect', to: 'http://127.0.0.1:9/elsewhere', status: 301 });
      const toTool = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(toTool.headers.get('location'), `${emulator().origin}/api/v2/breaches_search`);
      const away = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(away.status, 301);
      assert.equal(away.headers.get('location'), 'http://127.0.0.1:9/elsewhere');
      const followUp = await callTool(emulator(), 'breaches_search', { query: 'x' }, { key: null });
      assert.equal(followUp.status, 401, 'a follow-up to a tool path goes through the normal checks');
      assert.equal(emulator().requests.at(-1)?.redirectFollowUp, true);
    });

    it('leaves unknown paths outside /api/v2 at 404', async () => {
      const response = await fetch(`${emulator().origin}/redirected/api/v2/gl_ping`, { method: 'POST' });
      assert.equal(response.status, 404);
    });
  });

  describe('slow', () => {
    it('sends the headers only after headersAfterMs', async () => {
      emulator().injectFault({ type: 'slow', headersAfterMs: 150 });
      const started = performance.now();
      const answer = await callTool(emulator(), 'gl_ping', ping);
      assert.ok(performance.now() - started >= 140, 'headers came too early');
      assert.equal(answer.status, 200);
      assert.equal(answer.json.data.ip, '1.1.1.1');
    });

    it('trickles the normal body in pieces', async () => {
      emulator().injectFault({ type: 'slow', trickleChunks: 4, trickleIntervalMs: 40 });
      const started = performance.now();
      const response = await fetch(`${emulator().url}/gl_ping`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': KEY },
        body: JSON.stringify(ping),
      });
      const headersAfter = performance.now() - started;
      const pieces: string[] = [];
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) pieces.push(decoder.decode(chunk));
      const total = performance.now() - started;
      assert.ok(pieces.length >= 2, `expected several pieces, got ${pieces.length}`);
      assert.ok(total - headersAfter >= 100, 'the body should take about 3 intervals');
      assert.equal(JSON.parse(pieces.join('')).data.ip, '1.1.1.1');
    });
  });

  describe('oversized', () => {
    it('streams valid JSON of the requested size', async () => {
      emulator().injectFault({ type: 'oversized', megabytes: 2 });
      const answer = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-length'), null, 'chunked unless declareLength');
      assert.equal(Buffer.byteLength(answer.text), 2 * 1024 * 1024);
      assert.equal(answer.json.success, true);
    });

    it('can declare its length up front', async () => {
      emulator().injectFault({ type: 'oversized', megabytes: 0.5, declareLength: true });
      const answer = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(answer.headers.get('content-length'), String(512 * 1024));
      assert.equal(answer.text.length, 512 * 1024);
    });

    it('stops streaming when the client gives up', async () => {
      emulator().injectFault({ type: 'oversized', megabytes: 512 });
      const controller = new AbortController();
      const response = await fetch(`${emulator().url}/gl_ping`, { method: 'POST', signal: controller.signal });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      controller.abort();
      await assert.rejects(reader.read());
      // The emulator is still serving, i.e. it did not buffer or crash on the abandoned stream.
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });
  });

  it('status: any status, body and headers (e.g. 429 with an HTTP-date Retry-After)', async () => {
    const date = 'Wed, 15 Jan 2025 12:00:30 GMT';
    emulator().injectFault({ type: 'status', status: 429, body: { success: false, error: 'Slow down' }, headers: { 'Retry-After': date } });
    emulator().injectFault({ type: 'status', status: 503, body: 'Service Unavailable' });
    emulator().injectFault({ type: 'status', status: 500 });
    const limited = await callTool(emulator(), 'gl_ping', ping);
    assert.deepEqual([limited.status, limited.headers.get('retry-after'), limited.json.error], [429, date, 'Slow down']);
    const unavailable = await callTool(emulator(), 'gl_ping', ping);
    assert.deepEqual([unavailable.status, unavailable.text], [503, 'Service Unavailable']);
    assert.match(unavailable.headers.get('content-type') ?? '', /^text\/plain/);
    const failed = await callTool(emulator(), 'gl_ping', ping);
    assert.deepEqual([failed.status, failed.json.success], [500, false]);
  });

  it('reset: destroys the connection without an answer, recorded as status 0', async () => {
    emulator().injectFault({ type: 'reset' });
    await assert.rejects(callTool(emulator(), 'gl_ping', ping), TypeError);
    const recorded = emulator().requests.at(-1);
    assert.deepEqual([recorded?.status, recorded?.fault], [0, 'reset']);
  });

  it('no-json-content-type: the normal JSON answer labelled text/plain', async () => {
    emulator().injectFault({ type: 'no-json-content-type' });
    const answer = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(answer.json.data.ip, '1.1.1.1');
  });

  describe('matching', () => {
    it('one-shot faults answer one request, then normal behaviour resumes', async () => {
      emulator().injectFault({ type: 'status', status: 500 });
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 500);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });

    it('sticky faults stay until reset', async () => {
      emulator().injectFault({ type: 'status', status: 503, sticky: true });
      for (let i = 0; i < 3; i++) assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 503);
      emulator().reset();
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });

    it('tool-specific faults wait for their tool; queued faults answer in order', async () => {
      emulator().injectFault({ type: 'status', status: 500, tool: 'breaches_search' });
      emulator().injectFault({ type: 'status', status: 502 });
      emulator().injectFault({ type: 'status', status: 503 });
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 502);
      assert.equal((await callTool(emulator(), 'breaches_search', { query: 'a' })).status, 500);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 503);
      assert.equal((await callTool(emulator(), 'breaches_search', { query: 'a' })).status, 200);
    });

    it('replace every check, and are recorded with their type', async () => {
      emulator().injectFault({ type: 'success-false' });
      const answer = await callTool(emulator(), 'gl_ping', ping, { key: null, method: 'GET' });
      assert.equal(answer.status, 200);
      assert.equal(emulator().requests.at(-1)?.fault, 'success-false');
    });

    it('do not count against rate limits unless they deliver the normal answer', async () => {
      emulator().configure({ cooldownSeconds: 60 });
      emulator().injectFault({ type: 'html' });
      await callTool(emulator(), 'gl_ping', ping);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
      emulator().injectFault({ type: 'no-json-content-type' });
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 429, 'the cooldown from the normal answer applies');
    });
  });
});
