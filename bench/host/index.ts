import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedExtensionsDir } from '../../devtools/codeServer/installedExtensions';
import { BENCH_WINDOW_DIR, EMPTY_EXTENSION_DIR, profileName, type ActivationRound, type ActivationTiming } from './activationRound';
import { PROFILE_DIR } from './profiled';
import { whereTimeWent } from './profileSummary';

const ROOT = join(__dirname, '..', '..', '..');
/** The extension's bundle (dist/extension.js is the loader that runs it). */
const BUNDLE = join(ROOT, 'dist', 'extensionMain.js');
/** Our own part of ext.activate() (ours minus the empty extension's), the goal of issue 20. */
const OWN_PART_GOAL_MS = 25;

/**
 * `npm run bench:host`: benchmarks inside a real extension host through the harness of
 * `npm run test:host` (code-server, headless Chromium, the emulator), extension-host tier only,
 * against the production bundle users get; the development bundle is rebuilt after.
 *  - activation: NIAMONX_BENCH_ROUNDS (default 5) fresh windows, each with the packaged extension's
 *    files and an empty extension (bench/host/emptyExtension) installed, activating both, in
 *    alternating order; the medians and our own part. A first window (reported apart) makes the
 *    extension's code cache, which the later windows find, as a user's later windows do.
 *    NIAMONX_BENCH_PROFILE=1 adds a profiled round (not in the medians) and shows where the time went.
 *  - runs: 2,000 runTool() calls against the same workload in plain Node (suite.ts).
 * NIAMONX_BENCH_HOST=activation or =runs runs only that part.
 */
function main(): number {
  const only = process.env.NIAMONX_BENCH_HOST;
  build('--production', '--map');
  try {
    if (only !== 'runs' && benchActivation() !== 0) return 1;
    if (only !== 'activation') return runWindow(join(__dirname, 'suite.js'), {});
    return 0;
  } finally {
    rmSync(`${BUNDLE}.map`, { force: true });
    build();
  }
}

function benchActivation(): number {
  const rounds = Number(process.env.NIAMONX_BENCH_ROUNDS ?? 5);
  mkdirSync(PROFILE_DIR, { recursive: true });
  const profiling = process.env.NIAMONX_BENCH_PROFILE === '1';
  const files = { cold: 'activation-cold.jsonl', profiled: 'activation-profiled.jsonl', warm: 'activation.jsonl' };
  for (const name of Object.values(files)) rmSync(join(PROFILE_DIR, name), { force: true });
  // The extension's code cache, carried from window to window as a user's global storage would.
  const codeCache = mkdtempSync(join(tmpdir(), 'niamonx-bench-code-cache-'));
  const window = (round: number, file: string, profile = false) =>
    activationWindow(join(__dirname, 'activationSuite.js'), {
      NIAMONX_BENCH_ROUND: String(round),
      NIAMONX_BENCH_ACTIVATION_FILE: join(PROFILE_DIR, file),
      NIAMONX_BENCH_CODE_CACHE: codeCache,
      NIAMONX_BENCH_PROFILE: profile ? '1' : '',
    });
  try {
    // The first window after installing has no code cache yet; every later one has.
    if (window(0, files.cold) !== 0) return 1;
    if (profiling && window(0, files.profiled, true) !== 0) return 1;
    for (let round = 1; round <= rounds; round++) if (window(round, files.warm) !== 0) return 1;
  } finally {
    rmSync(codeCache, { recursive: true, force: true });
  }
  const read = (file: string) =>
    readFileSync(join(PROFILE_DIR, file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ActivationRound);
  const warm = read(files.warm);
  const cold = read(files.cold);
  for (const version of new Set(warm.map((r) => r.vscode))) {
    console.log(activationReport(warm.filter((r) => r.vscode === version)));
    for (const r of cold.filter((r) => r.vscode === version)) {
      console.log(
        `    the first window after installing (no code cache yet): NiamonX Tools ${fixed(r.ours.totalMs)} ms, ` +
          `empty extension ${fixed(r.empty.totalMs)} ms: our own part ${fixed(r.ours.totalMs - r.empty.totalMs)} ms ` +
          `(CPU ${fixed(r.ours.cpuMs - r.empty.cpuMs)} ms)\n`,
      );
    }
    if (profiling) console.log(profileReport(version));
  }
  return 0;
}

function activationReport(results: ActivationRound[]): string {
  const med = (pick: (round: ActivationRound) => number) => median(results.map(pick));
  const row = (name: string, pick: (round: ActivationRound) => ActivationTiming) => {
    const total = med((r) => pick(r).totalMs);
    const load = med((r) => pick(r).loadMs);
    const activate = med((r) => pick(r).activateMs);
    const vsCode = med((r) => pick(r).totalMs - pick(r).loadMs - pick(r).activateMs);
    const cpu = med((r) => pick(r).cpuMs);
    return (
      `    ${name.padEnd(15)} ${fixed(total).padStart(6)} ms   (module load ${fixed(load)} ms, activate() ${fixed(activate)} ms, ` +
      `VS Code's own ${fixed(vsCode)} ms; CPU ${fixed(cpu)} ms)`
    );
  };
  const own = results.map((r) => r.ours.totalMs - r.empty.totalMs);
  const ownCpu = results.map((r) => r.ours.cpuMs - r.empty.cpuMs);
  const ratio = med((r) => r.ours.totalMs / r.empty.totalMs);
  return [
    '',
    `Activation in the extension host (VS Code ${results[0].vscode}): ext.activate(), median of ${results.length} fresh windows with the code cache`,
    row('first in window', (r) => r.warmUp),
    row('empty extension', (r) => r.empty),
    row('NiamonX Tools', (r) => r.ours),
    `    our own part (NiamonX Tools − empty, per window): median ${fixed(median(own))} ms (goal ≤ ${OWN_PART_GOAL_MS} ms), ` +
      `${fixed(ratio, 1)}× the empty extension; rounds: [${own.map((ms) => fixed(ms)).join(', ')}]`,
    `    in CPU time: median ${fixed(median(ownCpu))} ms; rounds: [${ownCpu.map((ms) => fixed(ms)).join(', ')}]`,
    '',
  ].join('\n');
}

/** The profiled round's activations side by side, by where their CPU time went. */
function profileReport(version: string): string {
  const ours = join(PROFILE_DIR, `${profileName('ours', version)}.cpuprofile`);
  const empty = join(PROFILE_DIR, `${profileName('empty', version)}.cpuprofile`);
  if (!existsSync(ours) || !existsSync(empty)) return 'No activation profiles were written.';
  const oursBy = whereTimeWent(ours, BUNDLE);
  const emptyBy = whereTimeWent(empty, BUNDLE);
  const places = [...new Set([...oursBy.keys(), ...emptyBy.keys()])]
    .map((place) => ({ place, ours: oursBy.get(place) ?? 0, empty: emptyBy.get(place) ?? 0 }))
    .sort((a, b) => b.ours - b.empty - (a.ours - a.empty));
  const sum = (by: Map<string, number>) => [...by.values()].reduce((a, b) => a + b, 0);
  return [
    `Where the CPU time of the profiled round's activations went (ms, sampled; ${ours}):`,
    `    ${'NiamonX'.padStart(8)} ${'empty'.padStart(8)}  place`,
    ...places
      .filter((p) => Math.max(p.ours, p.empty) >= 0.2)
      .map((p) => `    ${fixed(p.ours, 2).padStart(8)} ${fixed(p.empty, 2).padStart(8)}  ${p.place}`),
    `    ${fixed(sum(oursBy), 2).padStart(8)} ${fixed(sum(emptyBy), 2).padStart(8)}  in all`,
    '',
  ].join('\n');
}

/** A window with NiamonX Tools and the empty extension installed the same way, and nothing in development mode but the bench window. */
function activationWindow(suite: string, env: Record<string, string>): number {
  const extensionsDir = installedExtensionsDir([EMPTY_EXTENSION_DIR], true);
  try {
    return runWindow(suite, { ...env, NIAMONX_HOST_EXTENSIONS_DIR: extensionsDir, NIAMONX_HOST_DEVELOP: BENCH_WINDOW_DIR });
  } finally {
    rmSync(extensionsDir, { recursive: true, force: true });
  }
}

/** One window of `npm run test:host` running `suite`. */
function runWindow(suite: string, env: Record<string, string>): number {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'test:host'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NIAMONX_HOST_SUITE: resolve(suite),
      NIAMONX_SKIP_UI: '1',
      ...env,
    },
  });
  return result.status ?? 1;
}

function build(...flags: string[]): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs', ...flags], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs ${flags.join(' ')} failed`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);

process.exitCode = main();
