import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, resultPageHtml } from '../../../src/vscode/results/webviewHtml';

const parts = {
  cspSource: 'https://webview.example',
  nonce: 'abc123',
  scriptUri: 'https://webview.example/media/dist/results.js',
  styleUri: 'https://webview.example/media/results.css',
  codiconUri: 'https://webview.example/media/dist/codicons/codicon.css',
};

describe('results page HTML', () => {
  it('carries a strict CSP: nothing inline, scripts only with the nonce', () => {
    const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
    assert.equal(
      csp,
      "default-src 'none'; style-src https://webview.example; font-src https://webview.example; img-src https://webview.example https:; script-src 'nonce-abc123'",
    );
    assert.doesNotMatch(csp, /unsafe/);
    const html = resultPageHtml(parts);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  });

  it('loads only files, the script with the nonce, and has the root the script fills', () => {
    const html = resultPageHtml(parts);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview\.example\/media\/dist\/results\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
    assert.match(html, /<main id="result">/);
  });

  it('cannot be broken out of by a part', () => {
    const html = resultPageHtml({ ...parts, styleUri: 'x"><script>alert(1)</script>' });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('makes a new unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
  });
});
