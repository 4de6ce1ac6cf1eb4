import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isHttpsUrl, parseSafeLink, rfc3986Authority } from '../../../src/core/render/links';

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

/** The link check and the opener must agree on the host: one parse decides, its result is what opens. */
describe('parseSafeLink (the one parser for the check and the opener)', () => {
  it('refuses what two parsers read differently', () => {
    const hostile = [
      'https://bank.example\\@evil.example', // WHATWG: host bank.example; RFC 3986 (vscode.Uri): bank.example\@evil.example
      'https://bank.example\\evil.example/',
      'https:\\\\evil.example/',
      'https://bank.example%40evil.example/',
      'https://bank.example:@evil.example/',
      'https://@evil.example/',
      'https://bank.example\t@evil.example/',
      'https://bank.example\n.evil.example/',
      'https://bank.example\r/',
      'https://bank.example/\u2028x',
      'https://bank.example/\u0085x',
      'https://ex%61mple.com/',
      'https://bänk.example/',
      'https://bank.exаmple/', // Cyrillic а
      'https://example.com:443/',
      'https://0x7f.1/',
      'https:/evil.example/',
      'https:evil.example',
      'javascript:https://example.com',
      'javascript://example.com/%0Aalert(1)',
    ];
    for (const url of hostile) assert.equal(parseSafeLink(url), undefined, JSON.stringify(url));
  });

  it('gives the normalised href and the host it opens', () => {
    assert.deepEqual(parseSafeLink('HTTPS://Example.COM/a%20b?q=1#f'), { href: 'https://example.com/a%20b?q=1#f', host: 'example.com' });
    assert.deepEqual(parseSafeLink('https://[2001:db8::1]:8443/x'), { href: 'https://[2001:db8::1]:8443/x', host: '[2001:db8::1]:8443' });
  });

  it('reads authorities the way vscode.Uri.parse does', () => {
    assert.equal(rfc3986Authority('https://bank.example\\@evil.example'), 'bank.example\\@evil.example');
    assert.equal(rfc3986Authority('https://a.example/x@b'), 'a.example');
    assert.equal(rfc3986Authority('mailto:x@y'), undefined);
  });

  it('property: whatever it accepts, WHATWG and RFC 3986 see the same host, with no credentials or backslash', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '@',
        '\\',
        '/',
        ':',
        '#',
        '?',
        '%40',
        '%2f',
        '.',
        '[',
        ']',
        '\t',
        '\n',
        'ä',
        'а',
        ' ',
        'evil',
        'bank',
        'example',
        '443',
        '.com',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `https://${pieces.join('')}`;
        const link = parseSafeLink(text);
        if (!link) return;
        const url = new URL(text);
        assert.equal(rfc3986Authority(link.href), url.host);
        assert.equal(rfc3986Authority(text)?.toLowerCase(), url.host);
        assert.ok(!link.host.includes('@') && !text.includes('\\') && url.username === '' && url.password === '');
        assert.equal(link.href, url.href);
      }),
      { numRuns: 3000 },
    );
  });
});
