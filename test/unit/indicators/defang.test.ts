import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { detectAt, detectInSelection, findTargets } from '../../../src/core/indicators/detectTarget';

/** [as written, kind, value sent]. */
const FORMS: Array<[string, string, string]> = [
  ['1[.]1[.]1[.]1', 'ipv4', '1.1.1.1'],
  ['1(.)1(.)1(.)1', 'ipv4', '1.1.1.1'],
  ['1{.}1{.}1{.}1', 'ipv4', '1.1.1.1'],
  ['1.1.1[.]1', 'ipv4', '1.1.1.1'],
  ['8[dot]8[DOT]4(dot)4', 'ipv4', '8.8.4.4'],
  ['203[.]0[.]113[.]7:8443', 'ipv4', '203.0.113.7'],
  ['2001[:]db8[:][:]1', 'ipv6', '2001:db8::1'],
  ['2606[:]4700[:]4700[:][:]1111', 'ipv6', '2606:4700:4700::1111'],
  ['example[.]com', 'domain', 'example.com'],
  ['Evil[.]Example[.]co[.]uk', 'domain', 'evil.example.co.uk'],
  ['bob[at]example.com', 'email', 'bob@example.com'],
  ['bob[@]example[.]com', 'email', 'bob@example.com'],
  ['bob(at)example(dot)com', 'email', 'bob@example.com'],
];

describe('defanged indicators', () => {
  it('are found in free text, sent refanged, with raw as written', () => {
    for (const [written, kind, value] of FORMS) {
      const line = `seen ${written} twice`;
      const [target, ...rest] = findTargets(line);
      assert.equal(rest.length, 0, written);
      assert.equal(target?.kind, kind, written);
      assert.equal(target?.value, value, written);
      assert.equal(target?.raw, written, written);
      assert.equal(target?.defanged, true, written);
      assert.equal(line.slice(target.start, target.end), written, `${written}: offsets`);
    }
  });

  it('under the cursor anywhere inside, as the hover and context menu ask', () => {
    const line = 'blocked 1[.]2[.]3[.]4 at the edge';
    const start = line.indexOf('1[');
    for (const offset of [start, start + 2, start + 9, start + '1[.]2[.]3[.]4'.length]) {
      const target = detectAt(line, offset);
      assert.equal(target?.value, '1.2.3.4', `offset ${offset}`);
      assert.equal(target?.raw, '1[.]2[.]3[.]4');
      assert.equal(target?.start, start);
      assert.equal(target?.ip?.class, 'public');
    }
    assert.equal(detectAt(line, 2), undefined);
  });

  it('as a selection, including the host of a defanged URL', () => {
    for (const [written, kind, value] of FORMS) {
      const target = detectInSelection(` "${written}", `);
      assert.equal(target.kind, kind, written);
      assert.equal(target.value, value, written);
      assert.equal(target.raw, written, written);
      assert.equal(target.start, 2, written);
    }
    const url = detectInSelection('hxxps://malware[.]example[.]net/payload.bin');
    assert.equal(url.value, 'malware.example.net');
    assert.equal(url.raw, 'malware[.]example[.]net');
    assert.equal(url.defanged, true);
    const plainHost = detectInSelection('hXXp://login.example.com:8080/');
    assert.equal(plainHost.value, 'login.example.com');
    assert.equal(plainHost.defanged, true, 'the scheme was defanged');
    const bracketScheme = detectInSelection('hxxp[:]//198[.]51[.]100[.]7/gate.php');
    assert.equal(bracketScheme.value, '198.51.100.7');
  });

  it('leave plain text and look-alikes alone', () => {
    assert.equal(findTargets('items[.] and (.) and [dot] alone').length, 0);
    assert.equal(findTargets('version 1[.]2[.]3[.]4[.]5').length, 0, 'a defanged five-part version is still a version');
    assert.equal(findTargets('999[.]1[.]1[.]1').length, 0);
    assert.equal(
      findTargets('1.1.1.1').find((t) => t.defanged),
      undefined,
    );
    assert.equal(detectInSelection('[.]').kind, 'text');
  });
});
