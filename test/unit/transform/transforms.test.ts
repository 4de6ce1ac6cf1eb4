import * as assert from 'node:assert/strict';
import { extractUniqueTargets } from '../../../src/core/bulk/extractUnique';
import { IMPLICIT_ONLY } from '../../../src/core/neverSend/neverSendCheck';
import { findTargets } from '../../../src/core/indicators/detectTarget';
import { defangText, refangText } from '../../../src/core/transform/defangText';
import { indicatorReport } from '../../../src/core/transform/indicatorReport';

const values = (text: string) => findTargets(text).map((target) => target.value);

describe('defanged forms (iocextract / ioc-finder spellings)', () => {
  const forms: Array<[string, string]> = [
    ['1[.]2[.]3[.]4', '1.2.3.4'],
    ['1(.)2(.)3(.)4', '1.2.3.4'],
    ['1{.}2{.}3{.}4', '1.2.3.4'],
    ['1[dot]2[dot]3[dot]4', '1.2.3.4'],
    ['8\\.8\\.8\\.8', '8.8.8.8'],
    ['evil\\.com', 'evil.com'],
    ['8.8.8[.8', '8.8.8.8'],
    ['8[.8[.8[.8', '8.8.8.8'],
    ['8.8.8.]8', '8.8.8.8'],
    ['evil[.com', 'evil.com'],
    ['evil.]com', 'evil.com'],
    ['hxxps[://]evil[.]com/x', 'evil.com'],
    ['bob[@]evil[.]com', 'bob@evil.com'],
    ['bob(at)evil(.)com', 'bob@evil.com'],
    ['bob [at] evil [dot] com', 'bob@evil.com'],
    ['EVIL[DOT]COM', 'evil.com'],
    ['2001[:]4860[:]4860[:][:]8888', '2001:4860:4860::8888'],
    ['see..8.8.8.8', '8.8.8.8'],
    ['...8[.]8[.]8[.]8', '8.8.8.8'],
  ];
  for (const [written, value] of forms) it(`${written} is ${value}`, () => assert.deepEqual(values(`seen ${written} today`), [value]));

  it('stays exact: nothing that is not an address is found', () => {
    for (const text of [
      '5.6.7.8.9',
      '5[.]6[.]7[.]8[.]9',
      '1[.]2[.]3[.]4[.]5',
      'arr[.5]',
      'a\\.b',
      '8 dot 8 dot 8 dot 8',
      'x[.]',
      'meet me [at] home',
    ])
      assert.deepEqual(values(text), [], text);
  });

  it('a worst case of 1 MB of tokens is scanned in linear time', function () {
    // Linear code reads each of these in a second or two; quadratic code would need hours, so the
    // timeout decides (no timing ratio: a shared machine makes those flaky).
    this.timeout(60_000);
    for (const unit of ['1[.', 'a\\.', ' [at] ', '.]a[.', '..1.2.3.4']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      findTargets(text);
      refangText(text);
    }
  });
});

describe('defang, refang, extract', () => {
  const log = 'login from 8.8.8.8:53 and https://evil.com/x by bob@evil.com, v6 [2606:4700::1]:443, 5.6.7.8.9, file.log, 10.0.0.0/8';

  it('defangs every indicator and leaves the rest', () => {
    assert.equal(
      defangText(log),
      'login from 8[.]8[.]8[.]8:53 and hxxps://evil[.]com/x by bob[@]evil[.]com, v6 [2606[:]4700[:][:]1]:443, 5.6.7.8.9, file.log, 10[.]0[.]0[.]0/8',
    );
  });

  it('refang undoes defang exactly (a round trip)', () => {
    assert.equal(refangText(defangText(log)), log);
  });

  it('refang touches only tokens inside indicators', () => {
    assert.equal(
      refangText('5[.]6[.]7[.]8[.]9 arr[.]x bob [at] corp [dot] com 1[.2.3.4'),
      '5[.]6[.]7[.]8[.]9 arr[.]x bob@corp.com 1.2.3.4',
    );
  });

  it('Extract Indicators counts each value once, most frequent first, public and non-public apart', () => {
    const report = indicatorReport(
      extractUniqueTargets('1.1.1.1 8.8.8.8 8[.]8[.]8[.]8 10.0.0.1 8.8.8.8 evil[.]com'),
      'x.log',
      IMPLICIT_ONLY,
    );
    assert.match(
      report,
      /## IPv4 addresses \(3\)\n\n### Public \(2\)\n\n {5}3 {2}8\.8\.8\.8\n {5}1 {2}1\.1\.1\.1\n\n### Non-public or on your never-send list \(1\)\n\n {5}1 {2}10\.0\.0\.1/,
    );
    assert.match(report, /## Domains \(1\)[\s\S]*1 {2}evil\.com \(written defanged\)/);
    assert.match(report, /4 unique, 6 occurrences\. Made locally: nothing was sent\./);
  });
});
