import { isMainThread } from 'node:worker_threads';
import type { BenchRow } from './measure';
import { benchAgent } from './agent';
import { bundleSizeLine } from '../devtools/bundleSize';
import { benchExport } from './export';
import { benchExtraction } from './extraction';
import { benchNeverSend } from './neverSend';
import { runSplitWorker } from './extractionFloor';
import { growthTable } from './growth';
import { benchRender } from './render';
import { benchRunner } from './runner';
import { benchScheduling } from './scheduling';
import { benchTargets } from './targets';
import { benchVerdicts } from './verdicts';

/** Every benchmark; each row compares with a baseline measured in the same run. */
const BENCHMARKS: Record<string, () => Promise<BenchRow[]>> = {
  render: benchRender,
  export: benchExport,
  targets: benchTargets,
  runner: benchRunner,
  agent: benchAgent,
  extraction: benchExtraction,
  scheduling: benchScheduling,
  neverSend: benchNeverSend,
  verdicts: benchVerdicts,
};

/** A table of its own: each function on untrusted text at three sizes, with its growth. */
const GROWTH = 'growth';

/** NIAMONX_BENCH=extraction,scheduling runs only those (all when unset). */
function chosenNames(): string[] | undefined {
  return process.env.NIAMONX_BENCH?.split(',').map((name) => name.trim());
}

function chosen(): (() => Promise<BenchRow[]>)[] {
  const names = chosenNames()?.filter((name) => name !== GROWTH);
  if (!names) return Object.values(BENCHMARKS);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length)
    throw new Error(`NIAMONX_BENCH: no benchmark ${unknown.join(', ')} (there are ${[...Object.keys(BENCHMARKS), GROWTH].join(', ')})`);
  return names.map((name) => BENCHMARKS[name]);
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const bench of chosen()) rows.push(...(await bench()));
  if (rows.length > 0) console.log(formatTable(rows));
  if (!chosenNames() || chosenNames()!.includes(GROWTH)) console.log(`\n${growthTable()}\n`);
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

// The extraction bench's worker is this same bundle, started again off the main thread.
if (isMainThread)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
else runSplitWorker();
