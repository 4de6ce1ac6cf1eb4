import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_CALLS, readMcpEnvironment } from '../../../src/mcp/environment';

const KEY = 'nx-env-test-key-0000';

describe('the MCP server environment', () => {
  it('needs a key, and a usable one', () => {
    for (const env of [{}, { NIAMONX_API_KEY: '' }, { NIAMONX_API_KEY: '  ' }]) {
      const check = readMcpEnvironment(env);
      assert.equal(check.ok, false);
      assert.match(!check.ok ? check.message : '', /NIAMONX_API_KEY is not set/);
    }
    const spaced = readMcpEnvironment({ NIAMONX_API_KEY: 'two words' });
    assert.match(!spaced.ok ? spaced.message : '', /NIAMONX_API_KEY is not usable: .*spaces/);
  });

  it(`allows ${DEFAULT_MAX_CALLS} calls unless NIAMONX_MAX_CALLS says otherwise`, () => {
    assert.equal(DEFAULT_MAX_CALLS, 50);
    const check = readMcpEnvironment({ NIAMONX_API_KEY: ` ${KEY} ` });
    assert.deepEqual(check, { ok: true, config: { apiKey: KEY, baseUrl: undefined, maxCalls: 50, neverSend: [] } });
    const two = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_MAX_CALLS: '2' });
    assert.equal(two.ok && two.config.maxCalls, 2);
    const none = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_MAX_CALLS: '0' });
    assert.equal(none.ok && none.config.maxCalls, 0);
  });

  it('refuses a budget that is not a whole number in range', () => {
    for (const value of ['-1', '2.5', 'lots', '1e3', '100001', '9999999']) {
      const check = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_MAX_CALLS: value });
      assert.equal(check.ok, false, value);
      assert.match(!check.ok ? check.message : '', /NIAMONX_MAX_CALLS must be a whole number from 0 to 100000/);
    }
  });

  it('takes the base URL under the setting’s rules: https to NiamonX, or loopback', () => {
    const loopback = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_API_BASE_URL: 'http://127.0.0.1:8080/api/v2' });
    assert.equal(loopback.ok && loopback.config.baseUrl, 'http://127.0.0.1:8080/api/v2');
    for (const url of [
      'http://dash.niamonx.io/api/v2',
      'https://evil.example/api/v2',
      'https://user:pw@dash.niamonx.io/api/v2',
      'nonsense',
    ]) {
      const check = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_API_BASE_URL: url });
      assert.equal(check.ok, false, url);
      assert.match(!check.ok ? check.message : '', /^NIAMONX_API_BASE_URL: /);
      assert.doesNotMatch(!check.ok ? check.message : '', /niamonx\.apiBaseUrl/);
      assert.ok(!(!check.ok && check.message.includes(KEY)));
    }
  });

  it('reads NIAMONX_NEVER_SEND as a JSON array and refuses to start on anything else', () => {
    const listed = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_NEVER_SEND: '["10.20.0.0/16","corp.example"]' });
    assert.deepEqual(listed.ok && listed.config.neverSend, ['10.20.0.0/16', 'corp.example']);
    for (const value of ['corp.example', '{"a":1}', '[']) {
      const check = readMcpEnvironment({ NIAMONX_API_KEY: KEY, NIAMONX_NEVER_SEND: value });
      assert.match(!check.ok ? check.message : '', /NIAMONX_NEVER_SEND must be a JSON array/);
    }
  });
});
