import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './measure';

/** The benchmark modules and the function each exports; a missing module is noted, not fatal. */
const MODULES = [
  { file: 'render', run: 'benchRender' },
  { file: 'export', run: 'benchExport' },
] as const;

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const { file, run } of MODULES) {
    if (!existsSync(join(__dirname, `${file}.js`))) {
      rows.push({ name: `${run}: skipped`, ms: NaN, baselineMs: NaN, ratio: NaN, note: `bench/${file}.ts does not exist` });
      continue;
    }
    const bench = (require(`./${file}`) as Record<string, unknown>)[run];
    if (typeof bench !== 'function') throw new Error(`bench/${file}.ts does not export ${run}()`);
    rows.push(...((await bench()) as BenchRow[]));
  }
  console.log(formatTable(rows));
}

function formatTable(rows: BenchRow[]): string {
  const text = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));
  const table = [
    ['benchmark', 'ms', 'baseline ms', 'ratio', 'heap MB', 'note'],
    ...rows.map((row) => [row.name, text(row.ms), text(row.baselineMs), text(row.ratio), text(row.heapMB), row.note ?? '']),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const numeric = new Set([1, 2, 3, 4]);
  return table
    .map((cells) => cells.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd())
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
