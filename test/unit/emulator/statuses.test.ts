import assert from 'node:assert/strict';
import { callTool, KEY, OTHER_KEY, useEmulator } from './harness';

describe('emulator: statuses and check order', () => {
  const { emulator } = useEmulator();
  const ping = { ip: '1.1.1.1' };

  it('answers 200 {success:true,data} to a valid call', async () => {
    const answer = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(answer.status, 200);
    assert.equal(answer.json.success, true);
    assert.equal(answer.json.data.ip, '1.1.1.1');
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  });

  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    it(`answers 405 with Allow: POST to ${method}`, async () => {
      const answer = await callTool(emulator(), 'gl_ping', ping, { method });
      assert.equal(answer.status, 405);
      assert.deepEqual(answer.json, { success: false, error: 'Method not allowed (use POST)' });
      assert.equal(answer.headers.get('allow'), 'POST');
    });
  }

  it('answers 404 to an unknown tool, and to paths outside tools', async () => {
    assert.deepEqual((await callTool(emulator(), 'no_such_tool', {})).json, { success: false, error: 'Unknown tool: no_such_tool' });
    for (const path of ['/api/v2', '/api/v2/', '/api/v2/gl_ping/extra', '/api/v1/gl_ping', '/', '/gl_ping']) {
      const response = await fetch(`${emulator().origin}${path}`, { method: 'POST', headers: { 'X-API-Key': KEY } });
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { success: boolean }).success, false, path);
    }
  });

  it('answers 401 to a missing, empty, unknown or revoked key', async () => {
    const expected = { success: false, error: 'Invalid or missing API key' };
    assert.deepEqual((await callTool(emulator(), 'gl_ping', ping, { key: null })).json, expected);
    assert.deepEqual((await callTool(emulator(), 'gl_ping', ping, { key: '' })).json, expected);
    assert.deepEqual((await callTool(emulator(), 'gl_ping', ping, { key: 'nx-wrong' })).json, expected);
    emulator().revokeKey(KEY);
    const revoked = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(revoked.status, 401);
    assert.deepEqual(revoked.json, expected);
    assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: OTHER_KEY })).status, 200, 'other keys keep working');
    emulator().addKey(KEY);
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200, 'a key added again works');
  });

  it('answers 403 to a disabled tool only', async () => {
    emulator().configure({ disabledTools: ['gl_ping'] });
    const answer = await callTool(emulator(), 'gl_ping', ping);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.json, { success: false, error: 'Tool gl_ping is disabled' });
    assert.equal((await callTool(emulator(), 'breaches_search', { query: 'a' })).status, 200);
  });

  describe('400 on bad bodies, with a precise message', () => {
    const cases: Array<[string, { rawBody?: string; headers?: Record<string, string> }, RegExp]> = [
      [
        'no JSON content type',
        { headers: { 'Content-Type': 'text/plain' } },
        /^Content-Type must be application\/json \(got "text\/plain"\)$/,
      ],
      ['an empty body', { rawBody: '' }, /^Request body is empty; expected a JSON object$/],
      ['malformed JSON', { rawBody: '{"ip":' }, /^Request body is not valid JSON: /],
      ['an array', { rawBody: '[]' }, /^Request body must be a JSON object, got an array$/],
      ['null', { rawBody: 'null' }, /^Request body must be a JSON object, got null$/],
      ['a string', { rawBody: '"1.1.1.1"' }, /^Request body must be a JSON object, got string$/],
      ['a missing ip', { rawBody: '{}' }, /^Validation error: ip must be a valid IPv4 or IPv6 address$/],
      ['an invalid ip', { rawBody: '{"ip":"999.1.1.1"}' }, /^Validation error: ip must be a valid IPv4 or IPv6 address$/],
      ['a number as ip', { rawBody: '{"ip":1111}' }, /^Validation error: ip must be a valid IPv4 or IPv6 address$/],
    ];
    for (const [what, options, message] of cases) {
      it(`for ${what}`, async () => {
        const answer = await callTool(emulator(), 'gl_ping', undefined, options);
        assert.equal(answer.status, 400);
        assert.equal(answer.json.success, false);
        assert.match(answer.json.error, message);
      });
    }

    it('accepts application/json with a charset', async () => {
      const answer = await callTool(emulator(), 'gl_ping', ping, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
      assert.equal(answer.status, 200);
    });

    it('for a body over 1 MiB', async () => {
      const answer = await callTool(emulator(), 'gl_ping', { ip: '1.1.1.1', padding: 'x'.repeat(1024 * 1024) });
      assert.equal(answer.status, 400);
      assert.equal(answer.json.error, 'Request body is too large');
    });

    it('for each tool body', async () => {
      const expectations: Array<[string, unknown, string]> = [
        ['breaches_search', { query: '  ' }, 'Validation error: query must be a non-empty string'],
        [
          'breaches_s_v2',
          { value: 'a', type: 'telepathy' },
          'Validation error: type must be one of auto, email, username, phone, domain, ip, name',
        ],
        ['breaches_s_v2', {}, 'Validation error: value must be a non-empty string'],
        ['ulp_search', { value: 'a' }, 'Validation error: action must be "search"'],
        ['ulp_search', { action: 'search', value: 'a', limit: 0 }, 'Validation error: limit must be an integer from 1 to 10000'],
        ['ulp_search', { action: 'search', value: 'a', exact: 'yes' }, 'Validation error: exact must be a boolean'],
      ];
      for (const [tool, body, error] of expectations) {
        const answer = await callTool(emulator(), tool, body);
        assert.equal(answer.status, 400, `${tool} ${JSON.stringify(body)}`);
        assert.deepEqual(answer.json, { success: false, error });
      }
    });
  });

  describe('check order: 405 → 404 → 401 → 403 → 429 → 400', () => {
    it('405 before 404 and 401', async () => {
      assert.equal((await callTool(emulator(), 'no_such_tool', ping, { method: 'GET', key: null })).status, 405);
    });
    it('404 before 401', async () => {
      assert.equal((await callTool(emulator(), 'no_such_tool', ping, { key: null })).status, 404);
    });
    it('401 before 403', async () => {
      emulator().configure({ disabledTools: ['gl_ping'] });
      assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: 'wrong' })).status, 401);
    });
    it('403 before 429', async () => {
      emulator().configure({ dailyLimit: 0, disabledTools: ['gl_ping'] });
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 403);
    });
    it('429 before 400', async () => {
      emulator().configure({ dailyLimit: 0 });
      assert.equal((await callTool(emulator(), 'gl_ping', { ip: 'bad' })).status, 429);
    });
  });
});
