import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { classifyIp, detectAt, detectInSelection, findTargets } from '../../../src/core/indicators/detectTarget';

describe('detectAt', () => {
  const line = 'Failed password for root from 203.0.113.5 port 22 ssh2, mail <bob@example.com> via [2001:db8::1]:443';
  const ipStart = line.indexOf('203.0.113.5');
  const ipEnd = ipStart + '203.0.113.5'.length;

  it('finds the target with the cursor at its start, middle, last character and just after it', () => {
    for (const offset of [ipStart, ipStart + 4, ipEnd - 1, ipEnd]) {
      const target = detectAt(line, offset);
      assert.equal(target?.value, '203.0.113.5', `offset ${offset}`);
      assert.equal(target?.start, ipStart);
      assert.equal(target?.end, ipEnd);
    }
  });

  it('finds nothing just before a target or between targets', () => {
    assert.equal(detectAt(line, ipStart - 1), undefined);
    assert.equal(detectAt(line, ipEnd + 1), undefined);
    assert.equal(detectAt(line, 0), undefined);
  });

  it('finds the email and the bracketed IPv6 with its port', () => {
    const at = line.indexOf('example.com');
    assert.equal(detectAt(line, at)?.kind, 'email');
    assert.equal(detectAt(line, at)?.value, 'bob@example.com');
    const v6 = detectAt(line, line.indexOf('db8'));
    assert.equal(v6?.raw, '[2001:db8::1]:443');
    assert.equal(v6?.ip?.port, 443);
    assert.equal(detectAt(line, line.length)?.value, '2001:db8::1', 'cursor at the end of the line, just after the port');
  });

  it('on a separator takes the target just before it, inside a target that target', () => {
    const touching = '10.0.0.1-10.0.0.2';
    assert.equal(detectAt(touching, 8)?.value, '10.0.0.1', 'on the hyphen: just after the first');
    assert.equal(detectAt(touching, 9)?.value, '10.0.0.2', 'inside the second');
  });

  it('scans only around the cursor in a very long line, with offsets in the whole line', () => {
    const padding = 'x '.repeat(20_000);
    const long = `${padding}src=198.51.100.9 ${padding}`;
    const at = long.indexOf('198.51.100.9');
    const target = detectAt(long, at + 3);
    assert.equal(target?.start, at);
    assert.equal(target?.value, '198.51.100.9');
  });

  it('does not read a part of a token cut by the scan window as a target', () => {
    // 1000 digits and dots; any 4-part window slice would look like an address.
    const versionish = Array.from({ length: 250 }, () => '10').join('.');
    for (const offset of [0, 300, 600, versionish.length]) assert.equal(detectAt(versionish, offset), undefined, `offset ${offset}`);
  });

  it('returns undefined on an empty line', () => {
    assert.equal(detectAt('', 0), undefined);
  });
});

describe('detectInSelection', () => {
  it('takes a selection that is one target, give or take quotes, brackets and punctuation', () => {
    const cases: Array<[string, string, string]> = [
      ['1.1.1.1', 'ipv4', '1.1.1.1'],
      ['  "1.1.1.1", ', 'ipv4', '1.1.1.1'],
      ['(8.8.8.8)', 'ipv4', '8.8.8.8'],
      ['<user@example.com>', 'email', 'user@example.com'],
      ["'Example.COM.'", 'domain', 'example.com'],
      ['[2001:db8::1]:443', 'ipv6', '2001:db8::1'],
      ['fe80::1%eth0', 'ipv6', 'fe80::1'],
      ['(10.0.0.0/8)', 'cidr', '10.0.0.0'],
      ['1.2.3.4:8080;', 'ipv4', '1.2.3.4'],
    ];
    for (const [selection, kind, value] of cases) {
      const target = detectInSelection(selection);
      assert.equal(target.kind, kind, selection);
      assert.equal(target.value, value, selection);
      assert.equal(selection.slice(target.start, target.end), target.raw, `${selection}: offsets within the selection`);
    }
  });

  it('accepts any alphabetic TLD for a deliberate selection, but still not a file name', () => {
    assert.equal(detectInSelection('printer.internal').kind, 'domain');
    assert.equal(findTargets('printer.internal').length, 0, 'scanning free text needs a known TLD');
    assert.equal(detectInSelection('access.log').kind, 'text');
    assert.equal(detectInSelection('settings.json').kind, 'text');
  });

  it('takes the host of a single URL', () => {
    const withDomain = detectInSelection('https://user:pw@Login.Example.com:8443/a?b=c');
    assert.equal(withDomain.kind, 'domain');
    assert.equal(withDomain.value, 'login.example.com');
    assert.equal(withDomain.start, 'https://user:pw@'.length);
    const withV6 = detectInSelection('https://[2001:db8::5]:8443/health');
    assert.equal(withV6.value, '2001:db8::5');
    assert.equal(withV6.raw, '[2001:db8::5]:8443');
    assert.equal(detectInSelection('https://1.2.3.4/x').value, '1.2.3.4');
  });

  it('falls back to the first IP address in a longer selection', () => {
    const line = 'Jan 12 sshd[1]: Failed password for bob@example.com from 198.51.100.4 port 22 and 198.51.100.5';
    const target = detectInSelection(line);
    assert.equal(target.value, '198.51.100.4');
    assert.equal(target.start, line.indexOf('198.51.100.4'));
  });

  it('falls back to the trimmed text when there is no single target and no IP', () => {
    const target = detectInSelection('  mail from bob@example.com \n');
    assert.deepEqual(target, {
      kind: 'text',
      value: 'mail from bob@example.com',
      raw: 'mail from bob@example.com',
      start: 2,
      end: 27,
      inputKind: 'text',
    });
    assert.equal(detectInSelection('alice').kind, 'text');
    assert.equal(detectInSelection('1.2.3.4.5').kind, 'text');
    assert.equal(detectInSelection('').value, '');
  });
});

describe('classifyIp', () => {
  it('maps ipaddr.js ranges to stable names', () => {
    const cases: Array<[string, string, boolean, 4 | 6]> = [
      ['8.8.8.8', 'public', true, 4],
      ['10.1.2.3', 'private', false, 4],
      ['127.0.0.1', 'loopback', false, 4],
      ['192.0.2.1', 'documentation', false, 4],
      ['100.64.0.1', 'carrier-grade-nat', false, 4],
      ['192.88.99.1', 'reserved', false, 4],
      ['192.175.48.1', 'public', true, 4],
      ['2606:4700::1111', 'public', true, 6],
      ['2001:db8::1', 'documentation', false, 6],
      ['3fff::1', 'documentation', false, 6],
      ['fc00::1', 'unique-local', false, 6],
      ['fe80::1%eth0', 'link-local', false, 6],
      ['fec0::1', 'site-local', false, 6],
      ['100::1', 'discard', false, 6],
      ['2001::1', 'teredo', true, 6],
      ['1::1', 'reserved', false, 6],
      ['::', 'unspecified', false, 6],
    ];
    for (const [address, cls, isPublic, version] of cases) {
      assert.deepEqual(classifyIp(address), { version, class: cls, isPublic }, address);
    }
  });

  it('judges an IPv4-mapped address by its embedded IPv4', () => {
    assert.deepEqual(classifyIp('::ffff:8.8.8.8'), { version: 6, class: 'ipv4-mapped', isPublic: true });
    assert.deepEqual(classifyIp('::ffff:10.0.0.1'), { version: 6, class: 'ipv4-mapped', isPublic: false });
  });

  it('refuses what is not a dotted-quad or IPv6 address', () => {
    for (const text of ['999.1.1.1', '01.02.03.04', '1.2.3', '0x7f.1', '2130706433', 'dead:beef', 'example.com', '']) {
      assert.equal(classifyIp(text), undefined, text);
    }
  });
});
