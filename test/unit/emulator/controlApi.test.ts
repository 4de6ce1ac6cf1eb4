import assert from 'node:assert/strict';
import { EmulatorControl } from '../../../emulator/controlClient';
import { hashKey } from '../../../emulator/server';
import { callTool, KEY, useEmulator } from './harness';

describe('emulator: control API over HTTP', () => {
  const { emulator } = useEmulator();
  const control = (): EmulatorControl => new EmulatorControl(emulator().origin);
  const ping = { ip: '1.1.1.1' };

  it('lists recorded requests without the raw key', async () => {
    await callTool(emulator(), 'gl_ping', ping);
    const requests = await control().requests();
    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.deepEqual([request?.method, request?.path, request?.tool, request?.status], ['POST', '/api/v2/gl_ping', 'gl_ping', 200]);
    assert.deepEqual(request?.body, ping);
    assert.equal(request?.keyHash, hashKey(KEY));
    assert.equal(request?.hasKey, true);
    assert.equal(request?.headers['x-api-key'], undefined);
    assert.ok(!JSON.stringify(requests).includes(KEY), 'the raw key must never be recorded');
  });

  it('does not record its own calls', async () => {
    await control().requests();
    await control().reset();
    assert.deepEqual(emulator().requests, []);
  });

  it('configures, and resets to defaults while keeping keys', async () => {
    await control().configure({ disabledTools: ['gl_ping'], cooldownSeconds: 3 });
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 403);
    await control().reset();
    assert.equal((await control().requests()).length, 0);
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200, 'default config, key still valid');
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200, 'cooldown is off again');
  });

  it('adds and revokes keys', async () => {
    await control().keys(['nx-new-key'], [KEY]);
    assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: 'nx-new-key' })).status, 200);
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 401);
  });

  it('injects faults', async () => {
    await control().fault({ type: 'status', status: 418, tool: 'gl_ping' });
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 418);
  });

  it('waits for requests already recorded and still to come', async () => {
    await callTool(emulator(), 'gl_ping', ping);
    assert.equal((await control().waitFor('gl_ping', 1, 1000)).length, 1);
    const waiting = control().waitFor('gl_ping', 3, 3000);
    await callTool(emulator(), 'breaches_search', { query: 'a' });
    await callTool(emulator(), 'gl_ping', ping);
    await callTool(emulator(), 'gl_ping', { ip: '9.9.9.9' });
    const seen = await waiting;
    assert.deepEqual(
      seen.map((r) => r.tool),
      ['gl_ping', 'gl_ping', 'gl_ping'],
    );
    assert.equal((await control().waitFor(undefined, 4, 1000)).length, 4, 'without a tool every request counts');
  });

  it('answers 408 when the wait times out', async () => {
    await assert.rejects(control().waitFor('gl_ping', 1, 50), /HTTP 408.*Timed out after 50 ms waiting for 1 request\(s\) to gl_ping/);
  });

  it('rejects invalid bodies with 400 and a zod explanation', async () => {
    const post = (endpoint: string, body: string) =>
      fetch(`${emulator().origin}/__emulator/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const badConfig = await post('config', JSON.stringify({ cooldownSeconds: -1 }));
    assert.equal(badConfig.status, 400);
    assert.match(await badConfig.text(), /cooldownSeconds/);
    assert.equal((await post('config', JSON.stringify({ unknownOption: true }))).status, 400);
    assert.equal((await post('faults', JSON.stringify({ type: 'explode' }))).status, 400);
    assert.equal((await post('faults', JSON.stringify({ type: 'status', status: 500, headers: { 'X-Bad': 'a\r\nb' } }))).status, 400);
    assert.equal((await post('keys', JSON.stringify({ add: [''] }))).status, 400);
    assert.equal((await post('config', '{not json')).status, 400);
    const badWait = await fetch(`${emulator().origin}/__emulator/wait?count=zero`);
    assert.equal(badWait.status, 400);
  });

  it('answers 404 to unknown endpoints and 405 to wrong methods', async () => {
    assert.equal((await fetch(`${emulator().origin}/__emulator/nothing`)).status, 404);
    const wrong = await fetch(`${emulator().origin}/__emulator/reset`);
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
  });

  it('is unreachable through /api/v2', async () => {
    assert.equal((await callTool(emulator(), '__emulator', {})).status, 404);
  });
});
