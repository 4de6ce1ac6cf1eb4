import * as assert from 'node:assert/strict';
import { escapeMarkdown, toMarkdown } from '../../../src/core/export/markdown';
import { okRecord } from './fixtures';

const EXPORTED_AT = Date.UTC(2025, 5, 1);

/** The cells of a table line, split on pipes that are not escaped. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /);
}

describe('escapeMarkdown', () => {
  it('escapes pipes, backticks and markup characters', () => {
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
    assert.equal(escapeMarkdown('`code`'), '\\`code\\`');
    assert.equal(escapeMarkdown('*x* _y_ ~z~'), '\\*x\\* \\_y\\_ \\~z\\~');
    assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))');
    assert.equal(escapeMarkdown('back\\slash'), 'back\\\\slash');
  });

  it('writes no raw HTML: tags and entities are escaped, newlines become ⏎', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(escapeMarkdown('&lt;'), '\\&lt;');
    assert.equal(escapeMarkdown('one\ntwo\r\nthree\rfour'), 'one ⏎ two ⏎ three ⏎ four');
  });

  it('escapes # so text cannot start or close a heading', () => {
    assert.equal(escapeMarkdown('# title #'), '\\# title \\#');
  });
});

describe('toMarkdown', () => {
  it('writes a heading and a field/value table for one record, without a summary', () => {
    const text = toMarkdown([okRecord({ toolLabel: 'Ping', data: { rtt: { avg: 1.5 } } })], EXPORTED_AT);
    const lines = text.split('\n');
    assert.equal(lines[0], '# NiamonX results');
    assert.ok(lines.includes('Exported 2025-06-01T00:00:00.000Z, 1 result.'));
    assert.ok(lines.includes('## Ping — 1.1.1.1'));
    assert.ok(lines.includes('| tool | gl\\_ping |'));
    assert.ok(lines.includes('| startedAt | 2025-01-02T03:04:05.000Z |'));
    assert.ok(lines.includes('| data.rtt.avg | 1.5 |'));
    assert.ok(!lines.includes('| Time | Tool | Input | Status |'));
  });

  it('adds a summary table for several records', () => {
    const text = toMarkdown(
      [
        okRecord({ id: 'a' }),
        okRecord({ id: 'b', ok: false, status: 429, cached: false, data: undefined, error: { kind: 'rate-limit', message: 'slow down' } }),
        okRecord({ id: 'c', cached: true }),
      ],
      EXPORTED_AT,
    );
    const lines = text.split('\n');
    const start = lines.indexOf('| Time | Tool | Input | Status |');
    assert.ok(start > 0);
    assert.deepEqual(
      lines.slice(start + 2, start + 5).map((line) => cells(line)[3]),
      ['ok (200)', 'rate-limit (429)', 'ok (200), cached'],
    );
    assert.equal(lines.filter((line) => line.startsWith('## ')).length, 3);
  });

  it('keeps every table row intact whatever the data holds', () => {
    const hostile = 'a | b\nc `d` # e <b>f</b>';
    const text = toMarkdown([okRecord({ input: hostile, data: { [hostile]: hostile } })], EXPORTED_AT);
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    for (const row of rows) assert.equal(cells(row).length, 2, row);
    assert.ok(!/(?<!\\)</.test(text), 'raw HTML leaked');
    assert.deepEqual(
      text.split('\n').filter((line) => line.startsWith('#')),
      ['# NiamonX results', `## gl\\_ping — ${escapeMarkdown(hostile)}`],
    );
    assert.ok(rows.includes(`| data.${escapeMarkdown(hostile)} | ${escapeMarkdown(hostile)} |`));
  });

  it('says so when there is nothing to export', () => {
    assert.ok(toMarkdown([], EXPORTED_AT).includes('No results.'));
  });
});
