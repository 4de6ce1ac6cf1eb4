import * as assert from 'node:assert/strict';
import { planBulk } from '../../../src/core/bulk/bulkPlan';
import { extractTargets, extractTargetsInChunks, type FoundTarget } from '../../../src/core/bulk/extract';
import { extractUniqueTargets } from '../../../src/core/bulk/extractUnique';
import { logCorpus } from '../../../devtools/logCorpus';

const LOG = [
  'accept 8.8.8.8:53 from 10.0.0.5',
  'deny 8.8.8.8 again, and 1.1.1.1',
  'v6 2606:4700:0:0::1111 and [2606:4700::1111]:443 and 2606:4700::1111',
  'loopback 127.0.0.1 docs 192.0.2.10 link-local 169.254.1.1 cgnat 100.64.0.1 again 10.0.0.5',
  'mail admin@example.com domain example.org',
].join('\n');

describe('bulk plan', () => {
  it('plans the same from unique targets (what bulk runs scan with) as from every occurrence', () => {
    const text = logCorpus(200_000);
    for (const kinds of [['ip'], ['email'], ['ip', 'email', 'domain']] as const) {
      for (const skipNonPublic of [true, false]) {
        const fromAll = planBulk(extractTargets(text, kinds), { skipNonPublic });
        const fromUnique = planBulk(extractUniqueTargets(text, kinds), { skipNonPublic });
        assert.ok(fromAll.found > 0, `${kinds.join('+')}: the corpus has targets`);
        assert.deepEqual(fromUnique, fromAll, `${kinds.join('+')}, skipNonPublic ${skipNonPublic}`);
      }
    }
  });

  it('extracts only the kinds the tool takes, in order, with offsets into the whole text', async () => {
    const found = await extractTargetsInChunks(LOG, ['ip']);
    assert.ok(found.every((target) => target.inputKind === 'ip'));
    assert.ok(found.every((target) => LOG.slice(target.start, target.end) === target.raw));
    assert.equal(found[0].value, '8.8.8.8');
  });

  it('dedupes on the canonical form and keeps every spelling found', async () => {
    const plan = planBulk(await extractTargetsInChunks(LOG, ['ip']), { skipNonPublic: true });
    assert.deepEqual(
      plan.targets.map((target) => target.value),
      ['2606:4700::1111', '8.8.8.8', '1.1.1.1'],
      'the most frequent first, ties in the order found',
    );
    const v6 = plan.targets[0];
    assert.equal(v6.occurrences, 3);
    assert.deepEqual(v6.raws, ['2606:4700:0:0::1111', '[2606:4700::1111]:443', '2606:4700::1111']);
    assert.equal(
      plan.found,
      plan.targets.reduce((sum, t) => sum + t.occurrences, 0) + plan.skipped.reduce((sum, s) => sum + s.occurrences, 0),
    );
    assert.equal(plan.duplicates, plan.found - plan.targets.length - plan.skipped.length);
  });

  it('lists non-public addresses with their class instead of dropping them', async () => {
    const plan = planBulk(await extractTargetsInChunks(LOG, ['ip']), { skipNonPublic: true });
    const classes = Object.fromEntries(plan.skipped.map((skip) => [skip.value, skip.ipClass]));
    assert.deepEqual(classes, {
      '10.0.0.5': 'private',
      '127.0.0.1': 'loopback',
      '192.0.2.10': 'documentation',
      '169.254.1.1': 'link-local',
      '100.64.0.1': 'carrier-grade-nat',
    });
    assert.equal(plan.skipped.find((skip) => skip.value === '10.0.0.5')?.occurrences, 2);
    assert.match(plan.skipped[0].reason, /non-public address \(private\)/);
  });

  it('sends non-public addresses when skipNonPublic is off', async () => {
    const plan = planBulk(await extractTargetsInChunks(LOG, ['ip']), { skipNonPublic: false });
    assert.equal(plan.skipped.length, 0);
    assert.ok(plan.targets.some((target) => target.value === '10.0.0.5'));
  });

  it('skips a target with a problem, with that reason', () => {
    const base = { kind: 'ipv4', inputKind: 'ip', start: 0, end: 8 } as const;
    const found: FoundTarget[] = [
      { ...base, value: '010.1.1.1', raw: '010.1.1.1', problem: 'IPv4 with leading zeros: ambiguous (octal or decimal)' },
      { ...base, value: '9.9.9.9', raw: '9[.]9[.]9[.]9', defanged: true, ip: { version: 4, class: 'public', isPublic: true } },
    ];
    const plan = planBulk(found, { skipNonPublic: true });
    assert.deepEqual(
      plan.skipped.map((skip) => skip.reason),
      ['IPv4 with leading zeros: ambiguous (octal or decimal)'],
    );
    assert.deepEqual(
      plan.targets.map((target) => [target.value, target.raws[0], target.defanged]),
      [['9.9.9.9', '9[.]9[.]9[.]9', true]],
    );
  });

  it('scans a text larger than one slice without losing or splitting a target', async () => {
    const line = 'x 203.0.114.7 y 2a00:1450::200e z\n';
    const text = line.repeat(20_000);
    const progress: number[] = [];
    const found = await extractTargetsInChunks(text, ['ip'], { onProgress: (scanned) => progress.push(scanned) });
    assert.equal(found.length, 40_000);
    assert.ok(progress.length > 1, 'worked in slices');
    assert.equal(progress.at(-1), text.length);
  });
});
