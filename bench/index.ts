import type { BenchRow } from './measure';
import { benchAgent } from './agent';
import { bundleSizeLine } from './bundleSize';
import { benchExport } from './export';
import { benchExtraction } from './extraction';
import { benchRender } from './render';
import { benchRunner } from './runner';
import { benchScheduling } from './scheduling';
import { benchTargets } from './targets';

/** Every benchmark; each row compares with a baseline measured in the same run. */
const BENCHMARKS: (() => Promise<BenchRow[]>)[] = [
  benchRender,
  benchExport,
  benchTargets,
  benchRunner,
  benchAgent,
  benchExtraction,
  benchScheduling,
];

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const bench of BENCHMARKS) rows.push(...(await bench()));
  console.log(formatTable(rows));
  console.log(bundleSizeLine());
  if (!(globalThis as { gc?: unknown }).gc) console.log('(heap MB needs node --expose-gc: run "npm run bench")');
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
    .map((cells) =>
      cells
        .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
