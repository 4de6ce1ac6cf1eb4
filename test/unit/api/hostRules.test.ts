import * as assert from 'node:assert/strict';
import { checkBaseUrl, isDefaultBaseUrl, isOfficialHost, toolUrl } from '../../../src/core/api/baseUrlRules';

/** Where the key may go: NiamonX's own hosts over https, or this computer. Nothing that only looks like them. */
describe('base URL host checks (the key goes only to NiamonX or loopback)', () => {
  const allowed = [
    'https://dash.niamonx.io/api/v2',
    'https://DASH.NiamonX.io/api/v2/',
    'https://niamonx.io/api/v2',
    'https://eu.dash.niamonx.io/api/v2',
    'http://127.0.0.1:8787/api/v2',
    'https://127.0.0.1:8443/api/v2',
    'http://[::1]:9/api/v2',
    'http://localhost:8787/api/v2',
  ];
  for (const url of allowed) {
    it(`accepts ${url}`, () => assert.equal(checkBaseUrl(url).ok, true));
  }

  const refused: [string, RegExp][] = [
    ['https://dash.niamonx.io.evil.example/api/v2', /not a NiamonX host/],
    ['https://niamonx.io.evil.example/api/v2', /not a NiamonX host/],
    ['https://dash-niamonx.io/api/v2', /not a NiamonX host/],
    ['https://evilniamonx.io/api/v2', /not a NiamonX host/],
    ['https://dash.niamonx.io./api/v2', /not a NiamonX host/],
    ['https://dash.niаmonx.io/api/v2', /not a NiamonX host/], // Cyrillic "а": becomes an xn-- label
    ['https://dash.niamonx.io@evil.example/api/v2', /user name or password/],
    ['https://user@dash.niamonx.io/api/v2', /user name or password/],
    ['https://evil.example\\@dash.niamonx.io/api/v2', /user name or password|not a NiamonX host/],
    ['https://evil.example/api/v2#@dash.niamonx.io', /fragment/],
    ['https://evil.example/?dash.niamonx.io', /query/],
    ['http://dash.niamonx.io/api/v2', /only https/],
    ['http://localhost.evil.example/api/v2', /only https/],
    ['http://127.0.0.1.nip.io/api/v2', /only https/],
    ['http://0.0.0.0:8787/api/v2', /only https/],
    ['http://10.0.0.1/api/v2', /only https/],
    ['https://example.com/api/v2', /not a NiamonX host/],
  ];
  for (const [url, why] of refused) {
    it(`refuses ${url}`, () => {
      const check = checkBaseUrl(url);
      assert.equal(check.ok, false);
      if (!check.ok) assert.match(check.message, why);
    });
  }

  it('compares whole labels', () => {
    assert.equal(isOfficialHost('niamonx.io'), true);
    assert.equal(isOfficialHost('a.b.niamonx.io'), true);
    assert.equal(isOfficialHost('xniamonx.io'), false);
    assert.equal(isOfficialHost('niamonx.io.example'), false);
  });

  it('sends to "localhost" only on loopback: the name is pinned to 127.0.0.1', () => {
    assert.equal(toolUrl('http://localhost:8787/api/v2', 'gl_ping'), 'http://127.0.0.1:8787/api/v2/gl_ping');
    assert.equal(toolUrl('http://LOCALHOST:8787/api/v2/', 'gl_ping'), 'http://127.0.0.1:8787/api/v2/gl_ping');
  });

  it('knows the default API from everything else', () => {
    assert.equal(isDefaultBaseUrl(undefined), true);
    assert.equal(isDefaultBaseUrl('https://dash.niamonx.io/api/v2/'), true);
    assert.equal(isDefaultBaseUrl('http://127.0.0.1:8787/api/v2'), false);
    assert.equal(isDefaultBaseUrl('https://eu.dash.niamonx.io/api/v2'), false);
  });
});
