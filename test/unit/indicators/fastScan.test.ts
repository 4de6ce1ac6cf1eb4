import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { findEdits, RefangedText } from '../../../src/core/indicators/defang';
import { detectTargets } from '../../../src/core/indicators/scanText';
import { fuzzLines, logCorpus } from '../../../devtools/logCorpus';
import { referenceScan } from '../../../devtools/referenceScan';
import { describeTarget } from '../support/describeTarget';

function assertSame(text: string, anyTld: boolean, label: string): void {
  const expected = referenceScan(text, { anyTld }).map(describeTarget);
  const actual = detectTargets(text, { anyTld }).targets.map(describeTarget);
  assert.deepEqual(actual, expected, label);
}

describe('fast scanner against the detection it replaces', () => {
  const corpus = logCorpus(400_000, { seed: 3 });

  it('finds exactly the same targets in a log of many formats and look-alikes', () => {
    const expected = referenceScan(corpus);
    assert.ok(expected.length > 3000, `${expected.length} targets: the corpus must be rich`);
    assertSame(corpus, false, 'whole corpus');
  });

  it('agrees with any TLD allowed (selections)', () => {
    assertSame(corpus.slice(0, 100_000), true, 'corpus, any TLD');
  });

  it('agrees on short fuzzed strings of address-like pieces, line by line', () => {
    const lines = fuzzLines(6000).filter((line) => findEdits(line).length === 0);
    assert.ok(lines.length > 3000);
    for (const line of lines) {
      assertSame(line, false, JSON.stringify(line));
      assertSame(line, true, JSON.stringify(line));
    }
  });

  it('scans defanged text as the refanged text, with raw and offsets in the original', () => {
    const lines = fuzzLines(6000, 5).filter((line) => findEdits(line).length > 0);
    const corpusLines = logCorpus(200_000, { seed: 9, defanged: true })
      .split('\n')
      .filter((line) => findEdits(line).length > 0);
    assert.ok(lines.length > 50 && corpusLines.length > 50, `${lines.length} fuzzed, ${corpusLines.length} log lines with tokens`);
    for (const line of [...lines, ...corpusLines]) {
      const view = new RefangedText(line, 0, line.length, findEdits(line));
      const expected = referenceScan(view.text).map((t) => `${t.kind}|${t.value}`);
      const actual = detectTargets(line, { anyTld: false }).targets;
      assert.deepEqual(
        actual.map((t) => `${t.kind}|${t.value}`),
        expected,
        JSON.stringify(line),
      );
      for (const target of actual) assert.equal(line.slice(target.start, target.end), target.raw, JSON.stringify(line));
    }
  });
});
