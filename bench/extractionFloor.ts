import { readFileSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { extractUniqueTargets, type UniqueTarget } from '../src/core/bulk/extractUnique';
import { CANDIDATE_SEARCHES } from '../src/core/indicators/scanIpsFast';
import { round, type BenchRow } from './measure';
import { pairedRow, pairedWithRipgrep, readLog } from './ripgrep';

const RUNS = 5;

/**
 * What the goal row's 2 × ripgrep leaves for judging, measured in the same run: reading the
 * file, the IP-only scanner's three candidate searches (matches counted, nothing judged) and
 * one small object per unique target the real scan found. No exact scan can skip this work.
 */
export async function benchExtractionFloor(file: string, unique: readonly UniqueTarget[]): Promise<BenchRow> {
  const floor = (): number => {
    const text = readLog(file);
    let matches = 0;
    for (const search of CANDIDATE_SEARCHES) {
      const regex = new RegExp(search.source, search.flags);
      while (regex.test(text)) matches++;
    }
    const objects = unique.map((target) => {
      const raw = text.slice(target.start, target.end);
      return {
        kind: target.kind,
        value: raw,
        raw,
        start: target.start,
        end: target.end,
        inputKind: 'ip',
        ip: target.ip,
        count: 1,
        raws: [raw],
      };
    });
    return matches + objects.length;
  };
  const paired = (await pairedWithRipgrep(file, RUNS, floor))!;
  return {
    ...pairedRow('extraction: floor (read + the 3 candidate searches + one object per unique target)', paired),
    note: `what the goal row cannot go below, nothing judged, deduped or classified; the goal (2.0) leaves ≈ ${round(2 * paired.rgMs - paired.ms)} ms for all of that; ratio = median of ${RUNS} paired runs [${paired.ratios.join(', ')}]`,
  };
}

/**
 * The unique scan of the file's two halves at once: one in a worker_threads worker started
 * beforehand, one on this thread (counts only: no merge, no transfer of targets; a lower bound
 * for a parallel scan). Against ripgrep, as the goal row.
 */
export async function benchExtractionSplit(file: string): Promise<BenchRow> {
  const worker = new Worker(__filename);
  try {
    await new Promise((resolve) => worker.once('message', resolve)); // started and loaded
    const split = async (): Promise<number> => {
      const bytes = readFileSync(file);
      const middle = bytes.indexOf(10, bytes.length >> 1) + 1;
      const firstHalf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + middle);
      const theirs = new Promise<number>((resolve) => worker.once('message', resolve));
      worker.postMessage(firstHalf, [firstHalf]);
      const mine = extractUniqueTargets(new TextDecoder('utf-8').decode(bytes.subarray(middle)), ['ip']).length;
      return mine + (await theirs);
    };
    const paired = (await pairedWithRipgrep(file, RUNS, split))!;
    return {
      ...pairedRow('extraction: two halves at once (worker_threads + this thread), unique IPs', paired),
      note: `informative: the ceiling of a parallel scan on this machine (no merge, worker started beforehand); ratio = median of ${RUNS} paired runs [${paired.ratios.join(', ')}]`,
    };
  } finally {
    await worker.terminate();
  }
}

/** The worker's side of benchExtractionSplit: says it is ready, then scans each half it is sent. */
export function runSplitWorker(): void {
  const port = parentPort!;
  port.on('message', (bytes: ArrayBuffer) => port.postMessage(extractUniqueTargets(new TextDecoder('utf-8').decode(bytes), ['ip']).length));
  port.postMessage('ready');
}
