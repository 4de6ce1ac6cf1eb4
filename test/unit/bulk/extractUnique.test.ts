import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { InputKind } from '../../../src/core/catalog/toolDefinition';
import { extractTargets, type FoundTarget } from '../../../src/core/bulk/extract';
import {
  extractUniqueTargets,
  extractUniqueTargetsFromPieces,
  extractUniqueTargetsInChunks,
  MAX_UNIQUE_TARGETS,
  TooManyTargetsError,
} from '../../../src/core/bulk/extractUnique';
import { linePieces } from '../../../src/core/bulk/linePieces';
import { detectTargets } from '../../../src/core/indicators/scanText';
import { describeTarget } from '../support/describeTarget';
import { eventLoopTurnsDuring } from '../support/eventLoopTurns';
import { assertUnique, KIND_SETS } from './uniqueAssertions';
import { fuzzLines, logCorpus, minifiedJsonLog } from '../../../devtools/logCorpus';

describe('extractUniqueTargets', () => {
  const corpus = logCorpus(400_000, { seed: 5, defanged: true });

  it('gives one target per value with the counts and raws of every occurrence, on a log of many formats', () => {
    for (const kinds of KIND_SETS) {
      const all = extractTargets(corpus, kinds);
      assert.ok(all.length > 300, `${all.length} occurrences: the corpus must be rich`);
      const unique = extractUniqueTargets(corpus, kinds);
      assert.ok(unique.length < all.length, 'the corpus repeats values');
      assertUnique(unique, all, `kinds ${kinds?.join(',') ?? 'all'}`);
    }
  });

  it('agrees on fuzzed lines (defanged ones included)', () => {
    const text = [...fuzzLines(4000), ...fuzzLines(2000, 5)].join('\n');
    for (const kinds of KIND_SETS)
      assertUnique(extractUniqueTargets(text, kinds), extractTargets(text, kinds), `fuzzed, kinds ${kinds?.join(',') ?? 'all'}`);
  });

  it('gives the same in slices, letting the event loop run between them', async () => {
    const kinds: InputKind[] = ['ip'];
    const { result: sliced, turns } = await eventLoopTurnsDuring(() => extractUniqueTargetsInChunks(corpus, kinds));
    assert.ok(turns > 0, `${turns} event-loop turns ran during the scan`);
    assertUnique(sliced, extractTargets(corpus, kinds), 'in slices');
  });

  it('cuts one long line (minified JSON, with or without spaces) into slices, and finds the same, defanged forms at the cuts too', async function () {
    // Megabytes scanned 16 times over: seconds on a busy 2-core machine. Correctness, not speed (that is bench/).
    this.timeout(60_000);
    const minified = minifiedJsonLog(1_500_000);
    assert.ok(!/[\s]/.test(minified), 'one line, no white space');
    for (const [what, text] of [
      ['minified JSON', minified],
      ['JSON with spaces', minified.replaceAll(',', ', ')],
    ]) {
      for (const kinds of KIND_SETS) {
        let slices = 0;
        const sliced = await extractUniqueTargetsInChunks(text, kinds, { onProgress: () => slices++ });
        assert.ok(slices >= 6, `${what}: ${slices} slices: the line is cut (one slice would hold the event loop for all of it)`);
        assertUnique(sliced, extractTargets(text, kinds), `${what}, kinds ${kinds?.join(',') ?? 'all'}`);
      }
    }
  });

  it('stops at the most different targets it may keep, in every way of scanning, and keeps exactly that many', async () => {
    const count = extractUniqueTargets(corpus, ['ip']).length;
    assert.ok(count > 100);
    assert.throws(
      () => extractUniqueTargets(corpus, ['ip'], count - 1),
      (error: unknown) => error instanceof TooManyTargetsError && error.limit === count - 1,
    );
    assert.equal(extractUniqueTargets(corpus, ['ip'], count).length, count, 'exactly the limit is fine');
    for (const kinds of [['ip'], ['email']] as const) {
      const limit = extractUniqueTargets(corpus, [...kinds]).length - 1;
      await assert.rejects(extractUniqueTargetsInChunks(corpus, [...kinds], { maxUnique: limit }), TooManyTargetsError);
      const pieces = linePieces(oneChunk(corpus), corpus.length, { pieceSize: 16 * 1024 });
      await assert.rejects(extractUniqueTargetsFromPieces(pieces, [...kinds], { maxUnique: limit }), TooManyTargetsError);
    }
    assert.equal(MAX_UNIQUE_TARGETS, 1_000_000, 'the default');
  });

  it('stops when cancelled and rejects with the reason', async () => {
    const controller = new AbortController();
    let slices = 0;
    const run = extractUniqueTargetsInChunks(corpus, ['ip'], {
      signal: controller.signal,
      onProgress: () => {
        if (++slices === 2) controller.abort(new Error('cancelled by the user'));
      },
    });
    await assert.rejects(run, /cancelled by the user/);
    assert.equal(slices, 2, 'no slice after the cancel');
  });

  it('lets what shares an address’s stretch of text decide, as the full scan does', () => {
    // Each line: an address a neighbour swallows (an email, a host name) or an ambiguous
    // address a host name overlaps; the IP-only scanner must see the neighbour too.
    const cases: Array<[string, string[]]> = [
      ['mail 1.2.3.4+x@example.com end', []], // the email starts with the address
      ['host 1.2.3.4-5.example.com end', []], // so does the host name
      ['net 010.1.2.3/24-x.com end', []], // a host name inside the prefix hides the ambiguous address
      ['ok 1.2.3.4-5 and 5.6.7.8:80 and [2001:db8::1]:443', ['1.2.3.4', '5.6.7.8', '2001:db8::1']],
    ];
    for (const [line, values] of cases) {
      const unique = extractUniqueTargets(line, ['ip']);
      assertUnique(unique, extractTargets(line, ['ip']), line);
      assert.deepEqual(
        unique.map((t) => t.value),
        values,
        line,
      );
    }
  });

  it('keeps nothing of the scanned text alive: what it returns holds copies, and the last match is forgotten', function () {
    // A 16 MB scan: seconds on a busy 2-core machine. Memory, not speed (that is bench/).
    this.timeout(60_000);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const textBytes = 16_000_000;
    // Long addresses and raws (V8 makes a slice of 13 characters or more a view of its parent).
    const scanFreshText = () => {
      const lines: string[] = [];
      for (let i = 0, size = 0; size < textBytes; i++) {
        const line = `from 100.100.${i % 7}.${100 + (i % 150)} port 22, to 200.200.200.${i % 200}:8443 via [2001:db8::${(i % 300).toString(16)}]:443 ioc 100[.]100[.]100[.]${i % 50}`;
        lines.push(line);
        size += line.length + 1;
      }
      return extractUniqueTargets(lines.join('\n'), ['ip']);
    };
    gc();
    const before = process.memoryUsage().heapUsed;
    const unique = scanFreshText();
    gc();
    const held = process.memoryUsage().heapUsed - before;
    assert.ok(unique.length > 500, `${unique.length} unique targets`);
    assert.ok(held < textBytes / 4, `${(held / 1e6).toFixed(1)} MB held after the scan of a ${textBytes / 1e6} MB text`);
  });

  it('keeps a CIDR apart from the address it starts with, and merges defanged and plain spellings', () => {
    const text = 'net 10.0.0.0/8 host 10.0.0.0 and 1.1.1.1, 1[.]1[.]1[.]1 and 1.1.1.1:53';
    const unique = extractUniqueTargets(text, ['ip']);
    assert.deepEqual(
      unique.map((t) => [t.kind, t.value, t.count, t.raws.join(' ')]),
      [
        ['cidr', '10.0.0.0', 1, '10.0.0.0/8'],
        ['ipv4', '10.0.0.0', 1, '10.0.0.0'],
        ['ipv4', '1.1.1.1', 3, '1.1.1.1 1[.]1[.]1[.]1 1.1.1.1:53'],
      ],
    );
  });
});

describe('scanning for some kinds only', () => {
  // Without domains wanted, domains are judged only where they touch another target: the
  // other kinds must come out exactly as when every domain is judged.
  const only = (text: string, keep: (t: FoundTarget) => boolean) =>
    detectTargets(text, { anyTld: false }).targets.filter(keep).map(describeTarget);
  const isIp = (t: FoundTarget) => t.inputKind === 'ip';

  it('finds the same IPs as a full scan filtered, on the corpus and on fuzzed lines', () => {
    const corpus = logCorpus(400_000, { seed: 7, defanged: true });
    assert.deepEqual(
      extractTargets(corpus, ['ip'])
        .filter((t) => !t.problem)
        .map(describeTarget),
      only(corpus, isIp),
    );
    for (const line of [...fuzzLines(4000), ...fuzzLines(2000, 5)]) {
      assert.deepEqual(
        extractTargets(line, ['ip'])
          .filter((t) => !t.problem)
          .map(describeTarget),
        only(line, isIp),
        JSON.stringify(line),
      );
      assert.deepEqual(
        extractTargets(line, ['email']).map(describeTarget),
        only(line, (t) => t.inputKind === 'email'),
        JSON.stringify(line),
      );
    }
  });

  it('still lets a domain or an email win over an address inside it', () => {
    const text = 'a 1.2.3.4-5.example.com b 5.6.7.8@example.com c 9.9.9.9 d 10.1.2.3-4.ab.de';
    assert.deepEqual(
      extractTargets(text, ['ip']).map((t) => t.value),
      only(text, isIp).map((line) => line.split('|')[1]),
    );
    assert.deepEqual(
      extractTargets(text, ['ip']).map((t) => t.value),
      ['9.9.9.9'],
    );
  });
});

async function* oneChunk(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}
