import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { extractTargets, extractTargetsInChunks, type FoundTarget } from '../../../src/core/bulk/extract';
import { AMBIGUOUS_IPV4 } from '../../../src/core/indicators/scanIp';
import { findTargets } from '../../../src/core/indicators/detectTarget';
import { logCorpus } from '../../../devtools/logCorpus';
import { eventLoopTurnsDuring } from '../support/eventLoopTurns';

const brief = (t: FoundTarget) =>
  `${t.kind}|${t.value}|${t.raw}|${t.start}|${t.end}|${t.ip?.class ?? ''}|${t.defanged ? 'defanged' : ''}|${t.problem ?? ''}`;

describe('extractTargets', () => {
  const text = [
    'Jan 12 sshd[1]: Failed password for root from 203.0.113.5 port 22 ssh2',
    'ioc: 1[.]1[.]1[.]1 and 8(.)8(.)4(.)4, also 9.9.9[.]9, evil[.]example[.]com, bob[at]example[.]org',
    'hxxps://malware.example.net/x and [2001[:]db8[:][:]1]:443 and 2001[:]db8[:][:]2',
    'old style 010.001.002.003 and 10.1.2.3 and version 1.2.3.4.5, OID 1.3.6.1.4.1.311',
    'again 203.0.113.5 and alice@example.com',
  ].join('\n');

  it('finds every occurrence in order, duplicates included', () => {
    const values = extractTargets(text).map((t) => t.value);
    assert.deepEqual(values, [
      '203.0.113.5',
      '1.1.1.1',
      '8.8.4.4',
      '9.9.9.9',
      'evil.example.com',
      'bob@example.org',
      'malware.example.net',
      '2001:db8::1',
      '2001:db8::2',
      '010.001.002.003',
      '10.1.2.3',
      '203.0.113.5',
      'alice@example.com',
    ]);
  });

  it('keeps the text as written in raw, sends the refanged value, and marks it defanged', () => {
    const found = extractTargets(text);
    const byValue = (value: string) => found.find((t) => t.value === value)!;
    for (const [value, raw] of [
      ['1.1.1.1', '1[.]1[.]1[.]1'],
      ['8.8.4.4', '8(.)8(.)4(.)4'],
      ['9.9.9.9', '9.9.9[.]9'],
      ['evil.example.com', 'evil[.]example[.]com'],
      ['bob@example.org', 'bob[at]example[.]org'],
      ['2001:db8::1', '[2001[:]db8[:][:]1]:443'],
      ['2001:db8::2', '2001[:]db8[:][:]2'],
      ['malware.example.net', 'malware.example.net'],
    ]) {
      const target = byValue(value);
      assert.equal(target.raw, raw, value);
      assert.equal(target.defanged, true, `${value} is defanged`);
      assert.equal(text.slice(target.start, target.end), target.raw, `${value}: offsets in the original text`);
    }
    assert.equal(byValue('2001:db8::1').ip?.port, 443);
    assert.equal(byValue('203.0.113.5').defanged, undefined, 'a plain address is not marked');
  });

  it('reports an IPv4 with leading zeros as found with a problem, never as sendable', () => {
    const zeros = extractTargets(text).find((t) => t.raw === '010.001.002.003');
    assert.equal(zeros?.problem, AMBIGUOUS_IPV4);
    assert.equal(zeros?.ip, undefined, 'no classification: it is not known which address it is');
    assert.equal(
      findTargets(text).some((t) => t.raw === '010.001.002.003'),
      false,
      'single-target detection does not offer it',
    );
    assert.equal(extractTargets(text).filter((t) => t.problem).length, 1, 'only that one');
  });

  it('restricts to the given input kinds', () => {
    assert.deepEqual(
      extractTargets(text, ['email']).map((t) => t.value),
      ['bob@example.org', 'alice@example.com'],
    );
    assert.ok(extractTargets(text, ['ip']).every((t) => t.inputKind === 'ip'));
    assert.equal(extractTargets(text, ['ip']).length, 9);
    assert.deepEqual(extractTargets(text, ['username', 'phone']), []);
  });
});

describe('extractTargetsInChunks', () => {
  const big = logCorpus(3_000_000, { seed: 21, defanged: true });

  it('finds exactly what extractTargets finds, in slices', async () => {
    let progressCalls = 0;
    let last = 0;
    const chunked = await extractTargetsInChunks(big, undefined, {
      onProgress: (scanned, total) => {
        progressCalls++;
        assert.ok(scanned > last && scanned <= total);
        last = scanned;
      },
    });
    assert.ok(progressCalls > 3, `${progressCalls} slices`);
    assert.equal(last, big.length);
    const whole = extractTargets(big);
    assert.ok(whole.length > 20_000);
    assert.equal(chunked.length, whole.length);
    for (let i = 0; i < whole.length; i++) assert.equal(brief(chunked[i]), brief(whole[i]), `target ${i}`);
    const ips = await extractTargetsInChunks(big, ['ip']);
    assert.deepEqual(ips.map(brief), extractTargets(big, ['ip']).map(brief));
  });

  it('lets the event loop run while it scans', async () => {
    const { turns } = await eventLoopTurnsDuring(() => extractTargetsInChunks(big, ['ip']));
    assert.ok(turns > 0, `${turns} event-loop turns ran during the scan`);
  });

  it('stops when cancelled and rejects with the reason', async () => {
    const controller = new AbortController();
    let slices = 0;
    const run = extractTargetsInChunks(big, undefined, {
      signal: controller.signal,
      onProgress: () => {
        if (++slices === 2) controller.abort(new Error('cancelled by the user'));
      },
    });
    await assert.rejects(run, /cancelled by the user/);
    assert.equal(slices, 2, 'no slice after the cancel');
    await assert.rejects(
      extractTargetsInChunks(big, undefined, { signal: controller.signal }),
      /cancelled by the user/,
      'an aborted signal stops it before it starts',
    );
  });
});
