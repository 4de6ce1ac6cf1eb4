import * as assert from 'node:assert/strict';
import { isHttpsUrl } from '../../../src/core/render/links';

describe('isHttpsUrl', () => {
  it('accepts plain https URLs', () => {
    for (const url of ['https://example.com', 'HTTPS://Example.com/path?q=1#frag', 'https://[2001:db8::1]:8443/x']) {
      assert.equal(isHttpsUrl(url), true, url);
    }
  });

  it('rejects every other scheme, credentials, whitespace, junk and non-strings', () => {
    const rejected: unknown[] = [
      'http://example.com',
      'javascript:alert(1)',
      'JavaScript://example.com/%0aalert(1)',
      'command:workbench.action.terminal.new',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vscode://file/etc/passwd',
      'file:///etc/passwd',
      ' https://example.com',
      'https://example.com/a b',
      'https://example.com/\nx',
      'https://user:secret@example.com',
      'https://bank.example@evil.example',
      'https://',
      `https://example.com/${'a'.repeat(3000)}`,
      '',
      42,
      null,
      { href: 'https://example.com' },
    ];
    for (const value of rejected) assert.equal(isHttpsUrl(value), false, String(value));
  });
});
