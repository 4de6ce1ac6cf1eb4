import assert from 'node:assert/strict';
import { request } from 'node:http';
import { callTool, KEY, useEmulator } from './harness';

const ping = { ip: '1.1.1.1' };

/** Raw bytes of one answer, read until the socket ends (fetch would refuse a short body). */
function rawAnswer(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/gl_ping`, { method: 'POST', headers: { 'X-API-Key': KEY, 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () => resolve(`${res.headers['content-length']}|${Buffer.concat(chunks).toString('utf8')}`);
      res.on('end', done);
      res.on('aborted', done);
      res.on('error', done);
    });
    req.on('error', reject);
    req.end(JSON.stringify(ping));
  });
}

describe('emulator: faults for the hardening suite', () => {
  const { emulator } = useEmulator();

  it('echo-key: repeats the received key in the error body, the headers, or both', async () => {
    emulator().injectFault({ type: 'echo-key', in: 'body' });
    emulator().injectFault({ type: 'echo-key', status: 200, in: 'header' });
    emulator().injectFault({ type: 'echo-key' });
    const body = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(body.status, 401);
    assert.match(body.json.error, new RegExp(KEY));
    assert.equal(body.headers.get('x-echoed-key'), null);
    const header = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(header.status, 200);
    assert.equal(header.headers.get('x-echoed-key'), KEY);
    assert.match(header.headers.get('content-type') ?? '', new RegExp(`key=${KEY}`));
    assert.ok(!header.text.includes(KEY));
    const both = await callTool(emulator(), 'gl_ping', ping);
    assert.ok(both.text.includes(KEY) && both.headers.get('x-echoed-key') === KEY);
    assert.deepEqual(
      emulator().requests.map((r) => r.fault),
      ['echo-key', 'echo-key', 'echo-key'],
    );
  });

  it('short-body: declares more bytes than it sends, then ends the socket', async () => {
    emulator().injectFault({ type: 'short-body', missingBytes: 10 });
    const [declared, text] = (await rawAnswer(emulator().url)).split('|');
    assert.equal(text, '{"success":true,"data":{"ip":"1.1.1.1"}}');
    assert.equal(Number(declared), Buffer.byteLength(text as string) + 10);
  });

  it('deep-json: valid JSON whose data nests `depth` levels, as arrays or objects', async () => {
    emulator().injectFault({ type: 'deep-json', depth: 3 });
    emulator().injectFault({ type: 'deep-json', depth: 2, shape: 'object' });
    assert.deepEqual((await callTool(emulator(), 'gl_ping', ping)).json, { success: true, data: [[[]]] });
    assert.deepEqual((await callTool(emulator(), 'gl_ping', ping)).json, { success: true, data: { n: { n: null } } });
  });
});
