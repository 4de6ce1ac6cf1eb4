import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractTargets, extractTargetsInChunks, type FoundTarget } from '../src/core/bulk/extract';
import {
  extractUniqueTargets,
  extractUniqueTargetsFromPieces,
  extractUniqueTargetsInChunks,
  type UniqueTarget,
} from '../src/core/bulk/extractUnique';
import { linePieces } from '../src/core/bulk/linePieces';
import { logCorpus, minifiedJsonLog, seededRandom } from '../devtools/logCorpus';
import { scanIpv4, scanIpv6 } from '../devtools/referenceScan/scanIp';
import { retainedMB, round, type BenchRow } from './measure';
import { benchExtractionFloor, benchExtractionSplit } from './extractionFloor';
import { median, pairedRow, pairedWithRipgrep, readLog, RG_PATTERN, timed } from './ripgrep';
import { longestStall } from './measure';

const LOG_BYTES = 50_000_000;
const RUNS = 3;
const UNIQUE_RUNS = 5;

/** sshd lines whose only addresses are IPv4 (a few hundred recurring, some fresh). */
function ipv4OnlyLog(bytes: number): string {
  const random = seededRandom(3);
  const int = (max: number) => Math.floor(random() * max);
  const lines: string[] = [];
  for (let size = 0; size < bytes;) {
    const ip = random() < 0.7 ? `185.${int(20)}.${int(20)}.${int(250)}` : `${1 + int(223)}.${int(256)}.${int(256)}.${int(256)}`;
    const line = `Jan ${1 + int(28)} 0${int(10)}:${10 + int(50)}:${10 + int(50)} web sshd[${int(99999)}]: Failed password for root from ${ip} port ${1 + int(65535)} ssh2`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const UNIQUE_BASELINE = 'baseline: extractUniqueTargets in one synchronous call';

/**
 * The longest stall of a sliced scan (goal ≤ 100 ms), against the same scan in one call. After
 * one warm-up run, as the timed rows: in this process's heap the first run of a scan not used
 * before showed a one-off gap of ~200 ms that a fresh process (a host's first bulk run: 20–30 ms)
 * and the next run (~30 ms) do not.
 */
async function stallRow(what: string, sliced: () => Promise<unknown>, whole: () => unknown, note: string): Promise<BenchRow> {
  await sliced();
  const stall = await longestStall(sliced);
  const wholeMs = timed(whole);
  return {
    name: `extraction: longest event-loop stall, ${what}`,
    ms: round(stall),
    baselineMs: round(wholeMs),
    ratio: round(stall / wholeMs),
    note: `goal ≤ 100 ms; ${note}`,
  };
}

/**
 * The largest heap (MB) seen between slices while `run` goes, above the heap before it: what
 * a sliced scan holds at its worst (the text itself excluded). Needs --expose-gc.
 */
async function peakHeapMB(run: () => Promise<unknown>): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let running = true;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (running) setImmediate(sample);
  };
  setImmediate(sample);
  await run();
  running = false;
  return round((peak - before) / 1024 / 1024);
}

/**
 * Bulk extraction on a generated 50 MB log (IPv4, IPv6, ports, defanged forms, versions,
 * OIDs, noise in many formats) against ripgrep's IPv4-only `rg -o` on the same file, run
 * alternately so both see the same machine load. Goal: ratio ≤ 2.0.
 */
export async function benchExtraction(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'niamonx-bench-'));
  const file = join(dir, 'access.log');
  try {
    writeFileSync(file, logCorpus(LOG_BYTES, { defanged: true }));
    const goal = await uniqueTargetsRow(file);
    if (!goal)
      return [{ name: 'extraction: ripgrep not installed', ms: NaN, baselineMs: NaN, ratio: NaN, note: 'apt-get install ripgrep' }];
    const rows = [goal.row, await fromDiskRow(file), await benchExtractionFloor(file, goal.unique), await benchExtractionSplit(file)];
    rows.push(await sshdRow(join(dir, 'auth.log')));
    rows.push(...(await everyOccurrenceRows(file)));
    // The stalls are measured on a heap without the results above (660k targets held would
    // make a full collection's pause part of the figure, as no host holds them).
    goal.unique = [];
    (globalThis as { gc?: () => void }).gc?.();
    rows.push(...(await stallRows(readLog(file))));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = (LOG_BYTES / 1e6).toFixed(0);

/** The row that matters: both read the file and produce the list of what they found. Undefined without ripgrep. */
async function uniqueTargetsRow(file: string): Promise<{ row: BenchRow; unique: UniqueTarget[] } | undefined> {
  let unique: UniqueTarget[] = [];
  const goal = await pairedWithRipgrep(file, UNIQUE_RUNS, () => (unique = extractUniqueTargets(readLog(file), ['ip'])));
  if (!goal) return undefined;
  const occurrences = unique.reduce((sum, t) => sum + t.count, 0);
  const uniqueHeapMB = retainedMB(() => extractUniqueTargets(readLog(file), ['ip']));
  const whole = readLog(file);
  const peak = await peakHeapMB(() => extractUniqueTargetsInChunks(whole, ['ip']));
  const row = {
    ...pairedRow(`extraction: read + extractUniqueTargets(ip), ${MB} MB log`, goal),
    ...(uniqueHeapMB !== undefined ? { heapMB: uniqueHeapMB } : {}),
    note: `goal ≤ 2.0 × rg -o file (IPv4 only); ratio = median of ${UNIQUE_RUNS} paired runs [${goal.ratios.join(', ')}]; ${unique.length} unique of ${occurrences} found; heap = held by the result; peak heap above the text while scanning in slices ≈ ${peak ?? '?'} MB (garbage not yet collected included)`,
  };
  return { row, unique };
}

/** As Ping All IPs in File reads now: from disk in pieces, never the whole text at once. */
async function fromDiskRow(file: string): Promise<BenchRow> {
  const fromDisk = () =>
    extractUniqueTargetsFromPieces(linePieces(createReadStream(file, { highWaterMark: 1024 * 1024 }), statSync(file).size), ['ip']);
  const pieces = (await pairedWithRipgrep(file, RUNS, fromDisk))!;
  const piecePeak = await peakHeapMB(fromDisk);
  const wholePeak = await peakHeapMB(() => extractUniqueTargetsInChunks(readLog(file), ['ip']));
  return {
    ...pairedRow(`extraction: Ping All IPs in File's way, ${MB} MB log read in pieces from disk`, pieces),
    note: `informative; ratio = median of ${RUNS} paired runs [${pieces.ratios.join(', ')}]; peak heap while it runs ≈ ${piecePeak ?? '?'} MB, against ≈ ${wholePeak ?? '?'} MB reading the whole text first (both with the result)`,
  };
}

/** The same on a log of one common shape (sshd, IPv4 only), written to `sshd`: what most whole-file runs meet. */
async function sshdRow(sshd: string): Promise<BenchRow> {
  writeFileSync(sshd, ipv4OnlyLog(LOG_BYTES));
  const sshdRuns = (await pairedWithRipgrep(sshd, UNIQUE_RUNS, () => extractUniqueTargets(readLog(sshd), ['ip'])))!;
  return {
    ...pairedRow(`extraction: read + extractUniqueTargets(ip), ${MB} MB sshd log (IPv4 only)`, sshdRuns),
    note: `informative (the goal is the row above); rg -o on the same file; ratio = median of ${UNIQUE_RUNS} paired runs [${sshdRuns.ratios.join(', ')}]`,
  };
}

/** Every occurrence (not unique), all kinds, and the scanner it replaced. */
async function everyOccurrenceRows(file: string): Promise<BenchRow[]> {
  let found: FoundTarget[] = [];
  const every = (await pairedWithRipgrep(file, RUNS, () => (found = extractTargets(readLog(file), ['ip']))))!;
  const text = readLog(file);
  const rgMatches = spawnSync('rg', ['--count-matches', RG_PATTERN, file], { encoding: 'utf8' }).stdout.trim();
  const heapMB = retainedMB(() => extractTargets(text, ['ip']));
  const counts = (kind: string) => found.filter((t) => t.kind === kind).length;
  const rgMs = every.rgMs;
  const rows: BenchRow[] = [];
  rows.push({
    ...pairedRow(`extraction: read + extractTargets(ip, every occurrence), ${MB} MB log`, every),
    ...(heapMB !== undefined ? { heapMB } : {}),
    note: `goal ≤ 2.0 × rg -o (IPv4 only, ${rgMatches} matches); found ${found.length}: ${counts('ipv4')} IPv4, ${counts('ipv6')} IPv6, ${counts('cidr')} CIDR, ${found.filter((t) => t.defanged).length} defanged, ${found.filter((t) => t.problem).length} ambiguous; heap = held by the result (${heapMB !== undefined ? round((heapMB * 1e5) / Math.max(1, found.length)) : '?'} MB per 100k targets)`,
  });

  const allMs = median([0, 1, 2].map(() => timed(() => extractTargets(text))));
  rows.push({
    name: `extraction: extractTargets(all kinds), ${MB} MB in memory`,
    ms: round(allMs),
    baselineMs: round(rgMs),
    ratio: round(allMs / rgMs),
    note: 'IPs, emails and domains; baseline: the same rg run',
  });

  // The scanner it replaces, on a 1 MB slice only (it needs about a minute for 50 MB).
  const slice = text.slice(0, 1_000_000);
  const oldMs = timed(() => [...scanIpv6(slice), ...scanIpv4(slice)]);
  const newMs = median([0, 1, 2].map(() => timed(() => extractTargets(slice, ['ip']))));
  rows.push({
    name: 'extraction: old scanIpv4 + scanIpv6, 1 MB slice',
    ms: round(oldMs),
    baselineMs: round(newMs),
    ratio: round(oldMs / newMs),
    note: `baseline: the new extractTargets(ip) on the same slice; old on ${MB} MB ≈ ${round((oldMs * LOG_BYTES) / 1e6 / 1000)} s`,
  });
  return rows;
}

/** The longest event-loop stalls of the sliced scans on 20 MB of `text` and of two logs of a hard shape. */
async function stallRows(text: string): Promise<BenchRow[]> {
  const twenty = text.slice(0, 20_000_000);
  const rows = [
    await stallRow(
      'extractTargetsInChunks 20 MB',
      () => extractTargetsInChunks(twenty, ['ip']),
      () => extractTargets(twenty, ['ip']),
      'no command uses it (bulk runs use the unique scan, next row); baseline: the same scan in one synchronous call',
    ),
    await stallRow(
      'extractUniqueTargetsInChunks 20 MB',
      () => extractUniqueTargetsInChunks(twenty, ['ip']),
      () => extractUniqueTargets(twenty, ['ip']),
      UNIQUE_BASELINE,
    ),
  ];
  // A log with no IPv6 and no defanged form: nothing for those searches to find, the case
  // where a search that runs on to the end of the text would stall the host.
  const plain = ipv4OnlyLog(20_000_000);
  const plainRow = await stallRow(
    'extractUniqueTargetsInChunks 20 MB IPv4-only log',
    () => extractUniqueTargetsInChunks(plain, ['ip']),
    () => extractUniqueTargets(plain, ['ip']),
    `sshd lines, no IPv6, no defanged form; ${UNIQUE_BASELINE}`,
  );
  rows.push(plainRow);
  // One 20 MB line without white space (a SIEM export, a CloudTrail file): slices are cut
  // after quotes and commas; before, the whole line was one slice.
  const minified = minifiedJsonLog(20_000_000);
  rows.push(
    await stallRow(
      'extractUniqueTargetsInChunks 20 MB minified JSON (one line)',
      () => extractUniqueTargetsInChunks(minified, ['ip']),
      () => extractUniqueTargets(minified, ['ip']),
      `no line break, no white space; ${UNIQUE_BASELINE}`,
    ),
  );
  rows.push(await emailScanRow(plain, plainRow.baselineMs));
  return rows;
}

/**
 * An email tool's bulk run goes through the general scanner, slice by slice: on a log with
 * no IPv6, a search that ran on to the end of the text from every slice made this quadratic.
 */
async function emailScanRow(plain: string, ipScanMs: number): Promise<BenchRow> {
  const emailStart = performance.now();
  await extractUniqueTargetsInChunks(plain, ['email']);
  const emailMs = performance.now() - emailStart;
  return {
    name: 'extraction: extractUniqueTargetsInChunks(email), 20 MB IPv4-only log, total time',
    ms: round(emailMs),
    baselineMs: ipScanMs,
    ratio: round(emailMs / ipScanMs),
    note: 'what a bulk run of an email tool does (the general scanner, in slices); baseline: the IP-only scan of the same log in one call',
  };
}
