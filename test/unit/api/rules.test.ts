import * as assert from 'node:assert/strict';
import { checkBaseUrl, isLoopbackHost, toolUrl } from '../../../src/core/api/baseUrlRules';
import { checkApiKey, requireApiKey } from '../../../src/core/api/keyRules';
import { ToolCallError } from '../../../src/core/errors';

describe('API key rules', () => {
  it('trims a valid key', () => {
    assert.deepEqual(checkApiKey('  nx-abc123  '), { ok: true, key: 'nx-abc123' });
  });

  for (const [name, raw] of [
    ['empty', ''],
    ['blank', '   '],
    ['whitespace inside', 'nx abc'],
    ['a tab inside', 'nx\tabc'],
    ['a newline inside', 'nx\nabc'],
    ['a NUL', 'nx\u0000abc'],
    ['a DEL', 'nx\u007fabc'],
    ['too long', 'x'.repeat(513)],
  ] as const) {
    it(`refuses a key that is ${name}`, () => {
      const check = checkApiKey(raw);
      assert.equal(check.ok, false);
      if (!check.ok) assert.ok(!check.message.includes(raw.trim() || '\u0000\u0000'), 'the message does not echo the key');
    });
  }

  it('requireApiKey says how to set a missing key', () => {
    assert.throws(
      () => requireApiKey(undefined),
      (error: ToolCallError) => error.kind === 'auth' && /Set API Key/.test(error.message),
    );
  });
});

describe('base URL rules', () => {
  it('accepts https and loopback http', () => {
    for (const url of [
      'https://dash.niamonx.io/api/v2',
      'http://127.0.0.1:8787/api/v2',
      'http://localhost:1/x',
      'http://[::1]:9/api/v2',
      'http://127.255.0.9/',
    ]) {
      assert.equal(checkBaseUrl(url).ok, true, url);
    }
  });

  it('defaults to the vendor URL when empty', () => {
    const check = checkBaseUrl('');
    assert.equal(check.ok && check.url.href, 'https://dash.niamonx.io/api/v2');
  });

  for (const url of [
    'http://dash.niamonx.io/api/v2',
    'http://10.0.0.1/api',
    'http://localhost.evil.com/',
    'http://127.0.0.1.nip.io/',
    'ftp://x/',
    'file:///etc/passwd',
    'not a url',
    'https://user:pw@host/api',
    'https://host/api?x=1',
  ]) {
    it(`refuses ${url}`, () => {
      const check = checkBaseUrl(url);
      assert.equal(check.ok, false);
    });
  }

  it('recognises loopback hosts only', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('LOCALHOST'), true);
    assert.equal(isLoopbackHost('127.0.0.256'), false);
    assert.equal(isLoopbackHost('128.0.0.1'), false);
  });

  it('builds a tool URL without double slashes, escaping the tool name', () => {
    assert.equal(toolUrl('https://dash.niamonx.io/api/v2/', 'gl_ping'), 'https://dash.niamonx.io/api/v2/gl_ping');
    assert.equal(toolUrl('https://dash.niamonx.io/api/v2', 'a/b'), 'https://dash.niamonx.io/api/v2/a%2Fb');
    assert.throws(
      () => toolUrl('http://example.com', 'gl_ping'),
      (error: ToolCallError) => error.kind === 'config',
    );
  });
});
