import * as assert from 'node:assert/strict';
import { exportRecords, fileExtension } from '../../../src/core/export/exportFormats';
import { okRecord } from './fixtures';
import { parseCsv } from './parseCsv';
import { fakeClock } from '../support/fakeClock';

const clock = fakeClock(Date.UTC(2025, 5, 1));

describe('exportRecords', () => {
  it('maps formats to file extensions', () => {
    assert.deepEqual((['json', 'csv', 'markdown'] as const).map(fileExtension), ['json', 'csv', 'md']);
  });

  it('writes JSON as { exportedAt, records } for one record as for many', () => {
    const one = JSON.parse(exportRecords([okRecord()], 'json', { clock }));
    assert.deepEqual(one, { exportedAt: '2025-06-01T00:00:00.000Z', records: [okRecord()] });
    const many = JSON.parse(exportRecords([okRecord({ id: 'a' }), okRecord({ id: 'b' })], 'json', { clock }));
    assert.deepEqual(
      many.records.map((r: { id: string }) => r.id),
      ['a', 'b'],
    );
  });

  it('replaces secrets anywhere in every format', () => {
    const key = 'nxk_9f8e7d6c5b4a';
    const record = okRecord({
      input: `curl -H "X-API-Key: ${key}"`,
      error: { kind: 'auth', message: `bad key ${key}` },
      data: { echo: key },
    });
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const text = exportRecords([record], format, { secrets: [key], clock });
      assert.ok(!text.includes(key), format);
      assert.match(text, /\\?\[redacted\\?\]/, format); // Markdown escapes the brackets
    }
  });

  it('masks an unredacted password when asked to redact, in every format', () => {
    const record = okRecord({ data: { records: [{ login: 'ann', password: 'hunter2hunter2' }] } });
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const text = exportRecords([record], format, { redact: true, clock });
      assert.ok(!text.includes('hunter2'), format);
      assert.ok(text.includes('•••••• (14 chars)'), format);
    }
    const json = JSON.parse(exportRecords([{ ...record, redactedCount: 1 }], 'json', { redact: true, clock }));
    assert.equal(json.records[0].redactedCount, 2);
    assert.equal((record.data as { records: Array<{ password: string }> }).records[0].password, 'hunter2hunter2');
  });

  it('exports data as it is when redaction is off', () => {
    const record = okRecord({ data: { password: 'visible' } });
    assert.ok(exportRecords([record], 'csv', { clock }).includes('visible'));
  });

  it('explains instead of crashing when data is too deep for JSON, while CSV still works', () => {
    let data: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) data = { a: data };
    const record = okRecord({ data });
    assert.throws(() => exportRecords([record], 'json', { clock }), /nested too deeply.*CSV or Markdown/);
    const rows = parseCsv(exportRecords([record], 'csv', { clock }));
    assert.equal(rows[1].at(-1), 'leaf');
  });
});
