import * as assert from 'node:assert/strict';
import { csvCell, toCsv } from '../../../src/core/export/csv';
import { RECORD_COLUMNS } from '../../../src/core/export/recordFields';
import { okRecord } from './fixtures';
import { parseCsv } from './parseCsv';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    assert.equal(csvCell('plain text'), 'plain text');
    assert.equal(csvCell(''), '');
  });

  it('quotes commas, quotes (doubled), CR and LF', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line1\nline2'), '"line1\nline2"');
    assert.equal(csvCell('line1\r\nline2'), '"line1\r\nline2"');
  });

  it('defuses formulas with a leading quote', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvCell('+cmd'), "'+cmd");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('\rx'), '"\'\rx"');
  });

  it('keeps signed numbers as numbers', () => {
    assert.equal(csvCell('-12.5'), '-12.5');
    assert.equal(csvCell('+14155550123'), '+14155550123');
    assert.equal(csvCell('-1e5'), '-1e5');
  });
});

describe('toCsv', () => {
  it('writes the record columns, then data columns, with CRLF line endings', () => {
    const text = toCsv([
      okRecord({ id: 'a', data: { alive: true, rtt: { avg: 1.5 } } }),
      okRecord({
        id: 'b',
        ok: false,
        status: 429,
        data: undefined,
        cached: true,
        error: { kind: 'rate-limit', message: 'Wait 30 s, then retry' },
      }),
    ]);
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'bare LF outside quotes');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [...RECORD_COLUMNS, 'data.alive', 'data.rtt.avg']);
    assert.deepEqual(rows[1], ['gl_ping', '1.1.1.1', '2025-01-02T03:04:05.000Z', '42', '200', 'true', 'false', '', '', 'true', '1.5']);
    assert.deepEqual(rows[2], [
      'gl_ping',
      '1.1.1.1',
      '2025-01-02T03:04:05.000Z',
      '42',
      '429',
      'false',
      'true',
      'rate-limit',
      'Wait 30 s, then retry',
      '',
      '',
    ]);
    assert.equal(rows.length, 3);
  });

  it('unions data columns across records in order of first appearance', () => {
    const rows = parseCsv(toCsv([okRecord({ data: { b: 1, a: 2 } }), okRecord({ data: { c: 3, a: 4 } })]));
    assert.deepEqual(rows[0].slice(RECORD_COLUMNS.length), ['data.b', 'data.a', 'data.c']);
    assert.deepEqual(rows[2].slice(RECORD_COLUMNS.length), ['', '4', '3']);
  });

  it('round-trips hostile values cell for cell', () => {
    const hostile = 'a,b "c"\r\nd\ne | f';
    const rows = parseCsv(toCsv([okRecord({ input: hostile, data: { note: hostile, formula: '=1+1' } })]));
    const header = rows[0];
    assert.equal(rows[1][header.indexOf('input')], hostile);
    assert.equal(rows[1][header.indexOf('data.note')], hostile);
    assert.equal(rows[1][header.indexOf('data.formula')], "'=1+1");
  });

  it('writes only the header for no records', () => {
    assert.equal(toCsv([]), `${RECORD_COLUMNS.join(',')}\r\n`);
  });

  describe('one row per list item for a single record', () => {
    const ulp = okRecord({
      tool: 'ulp_search',
      input: 'example.com',
      data: {
        stats: { total: 2, unique_hosts: 1 },
        records: [
          { url: 'https://a.example.com/login', host: 'a.example.com', login: 'ann' },
          { url: 'https://b.example.com/', host: 'b.example.com', login: 'bob', extra: 'x' },
        ],
        emails: ['a@example.com'],
      },
    });

    it('uses the list of objects, repeating the rest of data on every row', () => {
      const rows = parseCsv(toCsv([ulp]));
      const header = rows[0];
      assert.deepEqual(header.slice(RECORD_COLUMNS.length), [
        'data.stats.total',
        'data.stats.unique_hosts',
        'data.emails.0',
        'data.records.url',
        'data.records.host',
        'data.records.login',
        'data.records.extra',
      ]);
      assert.equal(rows.length, 3);
      assert.deepEqual(rows[1].slice(RECORD_COLUMNS.length), [
        '2',
        '1',
        'a@example.com',
        'https://a.example.com/login',
        'a.example.com',
        'ann',
        '',
      ]);
      assert.deepEqual(rows[2].slice(RECORD_COLUMNS.length), [
        '2',
        '1',
        'a@example.com',
        'https://b.example.com/',
        'b.example.com',
        'bob',
        'x',
      ]);
      assert.equal(rows[2][header.indexOf('tool')], 'ulp_search');
    });

    it('picks the longest list when there are several', () => {
      const record = okRecord({ data: { blocks: [{ title: 't' }], records: [{ v: 1 }, { v: 2 }] } });
      const rows = parseCsv(toCsv([record]));
      assert.deepEqual(rows[0].slice(RECORD_COLUMNS.length), ['data.blocks.0.title', 'data.records.v']);
      assert.equal(rows.length, 3);
    });

    it('uses data itself when it is a list of objects', () => {
      const rows = parseCsv(toCsv([okRecord({ data: [{ ip: '1.1.1.1' }, { ip: '8.8.8.8' }] })]));
      assert.deepEqual(
        rows.slice(1).map((row) => row[RECORD_COLUMNS.length]),
        ['1.1.1.1', '8.8.8.8'],
      );
      assert.equal(rows[0][RECORD_COLUMNS.length], 'data.ip');
    });

    it('keeps one row when the lists hold no objects, or there are several records', () => {
      assert.equal(parseCsv(toCsv([okRecord({ data: { emails: ['a', 'b'], empty: [] } })])).length, 2);
      const twoRecords = parseCsv(toCsv([ulp, ulp]));
      assert.equal(twoRecords.length, 3);
      assert.ok(twoRecords[0].includes('data.records.1.login'));
    });
  });
});
