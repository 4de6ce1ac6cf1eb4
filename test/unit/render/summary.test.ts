import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { statsAllInSummary, summarise, type SummaryItem } from '../../../src/core/render/summary';
import { localizedSummary, SUMMARY_LABELS } from '../../../src/core/render/summaryTexts';

const asMap = (items: SummaryItem[]) => Object.fromEntries(items.map((item) => [item.label, item.value]));

describe('summarise', () => {
  it('gl_ping: alive, RTT, packet loss, probes and location', () => {
    const items = summarise('gl_ping', {
      ip: '1.1.1.1',
      alive: true,
      host: 'one.one.one.one',
      probes: [
        { seq: 1, ttl: 57, rtt_ms: 10.123 },
        { seq: 2, ttl: 57, rtt_ms: 12 },
      ],
      rtt: { min: 10.123, avg: 11.06, max: 12 },
      packet_loss: 0,
      location: { country: 'AU', city: 'Sydney' },
      checked_at: '2025-01-01T00:00:00Z',
    });
    assert.deepEqual(asMap(items), {
      Alive: 'yes',
      'RTT min / avg / max': '10.12 / 11.06 / 12 ms',
      'Packet loss': '0%',
      Probes: '2',
      Location: 'Sydney, AU',
    });
    assert.equal(items.find((item) => item.label === 'Alive')?.tone, 'good');
  });

  it('gl_ping: derives RTT from the probes when there is no rtt object, reads fractions as ratios', () => {
    const items = summarise('gl_ping', { alive: false, probes: [{ rtt_ms: 2 }, { rtt_ms: null }, { rtt_ms: 4 }], packet_loss: 0.25 });
    assert.deepEqual(asMap(items), { Alive: 'no', 'RTT min / avg / max': '2 / 3 / 4 ms', 'Packet loss': '25%', Probes: '3' });
    assert.equal(items[0].tone, 'bad');
  });

  it('gl_ping: odd types give fewer items, not errors', () => {
    const items = summarise('gl_ping', { alive: 'maybe', rtt: { min: 'fast' }, packet_loss: {}, probes: 'none', location: 'Mars' });
    assert.deepEqual(asMap(items), { Alive: 'maybe', Location: 'Mars' });
  });

  it('breaches_search: status, blocks and risk', () => {
    const items = summarise('breaches_search', {
      status: 'found',
      meta: { blocks_total: 3, emails: ['a@example.com'] },
      risk: { score: 82, level: 'high' },
      blocks: [{ title: 'x', description: 'y' }],
    });
    assert.deepEqual(asMap(items), { Status: 'found', Blocks: '3', Risk: 'high (82)' });
    assert.equal(items.find((item) => item.label === 'Risk')?.tone, 'bad');
  });

  it('breaches_search: counts blocks when meta has no total; not_found is good news', () => {
    const items = summarise('breaches_search', { status: 'not_found', blocks: [], risk: { level: 'low' } });
    assert.deepEqual(asMap(items), { Status: 'not_found', Blocks: '0', Risk: 'low' });
    assert.equal(items[0].tone, 'good');
  });

  for (const [tool, stats, expected] of [
    ['breaches_s_v2', { found: 4, with_passwords: 2, unique_sources: 3 }, { Found: '4', 'With passwords': '2', 'Unique sources': '3' }],
    ['ulp_search', { total: 10, unique_hosts: 4, with_password: 9 }, { Total: '10', 'Unique hosts': '4', 'With password': '9' }],
    ['some_new_tool', { hitCount: 1, nested: { x: 1 } }, { 'Hit count': '1' }],
  ] as const) {
    it(`${tool}: summarises the stats`, () => {
      assert.deepEqual(asMap(summarise(tool, { stats, records: [] })), expected);
    });
  }

  it('returns nothing for garbage, and never throws', () => {
    const hostile = {
      get alive(): never {
        throw new Error('boom');
      },
    };
    for (const data of [undefined, null, 42, 'text', [], [1, 2], { stats: 'x' }, { stats: [1] }, hostile]) {
      assert.deepEqual(summarise('gl_ping', data), [], inspect(data));
      assert.deepEqual(summarise('ulp_search', data), []);
    }
    assert.deepEqual(summarise('constructor', { status: 'x' }), []);
    assert.deepEqual(summarise('__proto__', {}), []);
  });
});

describe('summary texts in the user language', () => {
  it('translates every label summarise writes and yes/no, leaving the answer’s own labels and values alone', () => {
    const items = [
      ...summarise('gl_ping', { alive: true, rtt: { min: 1, avg: 2, max: 3 }, packet_loss: 0, probes: [{}], city: 'Berlin' }),
      ...summarise('breaches_search', { status: 'found', meta: { blocks_total: 2 }, risk: { level: 'high', score: 80 } }),
    ];
    const own = new Set(items.map((item) => item.label));
    for (const label of own) assert.ok(SUMMARY_LABELS.includes(label), `${label} is translated`);
    const shouted = localizedSummary([...items, { label: 'with_passwords', value: 'no' }], (text) => `«${text}»`);
    assert.ok(shouted.filter((item) => item.label !== 'with_passwords').every((item) => item.label.startsWith('«')));
    assert.equal(shouted.find((item) => item.label === '«Alive»')?.value, '«yes»');
    assert.equal(shouted.find((item) => item.label === '«Status»')?.value, 'found', 'the API’s words stay as they are');
    assert.equal(shouted.at(-1)?.label, 'with_passwords');
  });
});

describe('stats shown once', () => {
  it('leaves a tool’s stats out of the table only when the summary shows every one of them', () => {
    assert.equal(statsAllInSummary('ulp_search', { stats: { total: 37, unique_hosts: 5, with_password: 34 }, records: [] }), true);
    assert.equal(
      statsAllInSummary('ulp_search', { stats: { total: 37, nested: { a: 1 } } }),
      false,
      'a nested value is not in the summary',
    );
    assert.equal(statsAllInSummary('ulp_search', { stats: {} }), false);
    assert.equal(
      statsAllInSummary('ulp_search', { stats: Object.fromEntries([...Array(9).keys()].map((k) => [`k${k}`, k])) }),
      false,
      'more than the summary shows',
    );
    assert.equal(statsAllInSummary('gl_ping', { alive: true, stats: { total: 1 } }), false, 'a tool with its own summary keeps its stats');
    assert.equal(statsAllInSummary('ulp_search', 'text'), false);
  });
});
