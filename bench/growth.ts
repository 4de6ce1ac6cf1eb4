import { performance } from 'node:perf_hooks';
import { modelText } from '../src/core/agent/modelText';
import { parseAnswer } from '../src/core/api/responseParser';
import { parseRetryAfterMessage } from '../src/core/api/retryAfter';
import { extractUniqueTargets } from '../src/core/bulk/extractUnique';
import { toCsv } from '../src/core/export/csv';
import { toMarkdown } from '../src/core/export/markdown';
import type { ResultRecord } from '../src/core/record/resultRecord';
import { redact } from '../src/core/record/redact';
import { buildRenderModel } from '../src/core/render/renderModel';
import { summarise } from '../src/core/render/summary';
import { findEdits } from '../src/core/indicators/defang';
import { findTargets } from '../src/core/indicators/detectTarget';

/**
 * How each function on untrusted text grows with its input's worst shape: times at 64 KB, 1 MB and
 * 4 MB. Linear code grows 16× from 64 KB to 1 MB and 4× from 1 MB to 4 MB (a little more where the
 * heap grows); quadratic code 256× and 16×. A JSON round trip of the same text is the yardstick.
 */
const SIZES = [64 * 1024, 1024 * 1024, 4 * 1024 * 1024];

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function record(data: unknown): ResultRecord {
  return { id: 'r1', tool: 'gl_ping', input: '8.8.8.8', startedAt: 0, durationMs: 1, status: 200, ok: true, data };
}

const SUBJECTS: Array<[string, (size: number) => () => unknown]> = [
  ['JSON round trip (yardstick)', (size) => () => JSON.parse(JSON.stringify({ text: fill('8.8.8.8 ', size) }))],
  ['findTargets: addresses', (size) => () => findTargets(fill('8.8.8.8 ', size))],
  ['findTargets: defanged dots', (size) => () => findTargets(fill('1[.]', size))],
  ['findTargets: endless dotted number', (size) => () => findTargets(fill('1.', size))],
  ['findEdits: unclosed brackets', (size) => () => findEdits(fill('[', size))],
  ['extractUniqueTargets: one token per line', (size) => () => extractUniqueTargets(fill('10.0.0.1\n', size))],
  ['parseAnswer: long key name', (size) => () => parseAnswer('gl_ping', jsonAnswer({ [fill('A', size)]: 1 }))],
  ['redact: capitals key name', (size) => () => redact({ [fill('A', size)]: 'x', [fill('aA', size)]: 'y' })],
  [
    'summarise + render model: long key and value',
    (size) => () => buildRenderModel(summarise('gl_ping', { [fill('A', size)]: fill('x', size) })),
  ],
  ['toCsv: formula-like number', (size) => () => toCsv([record({ value: `+${fill('1', size)}x` })])],
  ['toMarkdown: pipes and backslashes', (size) => () => toMarkdown([record({ value: fill('|\\', size) })], 0)],
  ['modelText: long key name', (size) => () => modelText('gl_ping: OK.', { [fill('aA1', size)]: 'x' }, { maxChars: 8000 })],
  ['parseRetryAfterMessage: digits', (size) => () => parseRetryAfterMessage(fill('1', size))],
];

function jsonAnswer(data: unknown) {
  return {
    status: 200,
    contentType: 'application/json',
    text: JSON.stringify({ success: true, data }),
    truncated: false,
    retryAfterHeader: null,
    location: null,
  };
}

function medianOf3(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1];
}

export function growthTable(): string {
  const rows = [['growth on worst-case input', '64 KB ms', '1 MB ms', '4 MB ms', '1 MB / 64 KB', '4 MB / 1 MB']];
  for (const [name, subject] of SUBJECTS) {
    const [small, medium, large] = SIZES.map((size) => medianOf3(subject(size)));
    rows.push([name, fixed(small), fixed(medium), fixed(large), `${fixed(medium / small, 1)}×`, `${fixed(large / medium, 1)}×`]);
  }
  rows.push(['(linear: about 16× and 4×; quadratic: 256× and 16×)', '', '', '', '', '']);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  return rows
    .map((cells) =>
      cells
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '';
}
