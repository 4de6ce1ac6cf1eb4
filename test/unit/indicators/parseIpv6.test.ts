import assert from 'node:assert/strict';
import ipaddr from 'ipaddr.js';
import { describe, it } from 'mocha';
import { parseIpv6Groups, rfc5952 } from '../../../src/core/indicators/parseIpv6';
import { seededRandom } from '../../../devtools/logCorpus';

/** ipaddr.js's groups for a text, or null where it rejects it (as the scanner judged before). */
function ipaddrGroups(text: string): number[] | null {
  const parsed = (ipaddr.IPv6 as unknown as { parser(text: string): { parts: number[] } | null }).parser(text);
  if (!parsed || parsed.parts.length !== 8 || !parsed.parts.every((part) => part >= 0 && part <= 0xffff)) return null;
  return parsed.parts;
}

/** Texts of the characters an IPv6 run holds, in the shapes that matter and around their edges. */
function fuzzedAddresses(count: number): string[] {
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const pieces = [
    '0',
    '1',
    'f',
    'ff',
    'db8',
    '2001',
    'FFFF',
    '0DB8',
    '00000',
    'abcde',
    ':',
    '::',
    ':::',
    '.',
    '1.2.3.4',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    'ffff:',
  ];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = 1 + Math.floor(random() * 12);
    for (let j = 0; j < length; j++) text += pick(pieces);
    texts.push(text);
    // Well-formed ones too, with 1–8 random groups around an optional "::" and an optional IPv4 tail.
    const groups = Array.from({ length: Math.floor(random() * 9) }, () => Math.floor(random() * 65536).toString(16));
    const at = Math.floor(random() * (groups.length + 1));
    const compressed = random() < 0.5;
    const head = groups.slice(0, at).join(':');
    const tail = groups.slice(at).join(':');
    let address = compressed ? `${head}::${tail}` : groups.join(':');
    if (random() < 0.3)
      address += `${address.endsWith(':') ? '' : ':'}${Math.floor(random() * 256)}.${Math.floor(random() * 300)}.1.${Math.floor(random() * 256)}`;
    texts.push(random() < 0.2 ? address.toUpperCase() : address);
  }
  return texts;
}

describe('parseIpv6Groups', () => {
  it('parses the usual shapes without ipaddr.js', () => {
    for (const text of [
      '2001:db8::1',
      '::1',
      '::',
      '1::',
      'fe80::1:2ff:fe3:4',
      '2001:0DB8:0000:0000:0000:FF00:0042:8329',
      '::ffff:1.2.3.4',
      '2001:db8:1:2:3:4:5.6.7.8',
      '1:2:3:4:5:6:7:8',
    ])
      assert.ok(parseIpv6Groups(text), text);
  });

  it('gives exactly ipaddr.js’s groups wherever it gives any, and leaves every other text to ipaddr.js', () => {
    let parsedHere = 0;
    for (const text of fuzzedAddresses(20_000)) {
      const groups = parseIpv6Groups(text);
      if (groups === undefined) continue;
      parsedHere++;
      assert.deepEqual(groups, ipaddrGroups(text), text);
    }
    assert.ok(parsedHere > 5_000, `${parsedHere} texts parsed without ipaddr.js`);
  });

  it('writes the RFC 5952 form ipaddr.js writes', () => {
    const random = seededRandom(23);
    for (let i = 0; i < 20_000; i++) {
      // Zero groups often, so that runs of zeros and ties between them are common.
      const groups = Array.from({ length: 8 }, () => (random() < 0.5 ? 0 : Math.floor(random() * 65536)));
      assert.equal(rfc5952(groups), new ipaddr.IPv6(groups).toRFC5952String(), groups.join(','));
    }
  });
});
