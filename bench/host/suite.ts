import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EmulatorControl } from '../../emulator/controlClient';
import type { NiamonxApi } from '../../src/vscode/run/publicApi';
import { prepareEmulator, runWorkload, WORKLOAD, type WorkloadResult } from './workload';

const EXTENSION_ID = 'niamonx-community.niamonx-tools';
const ACTIVATE_GOAL_MS = 25;
const RATIO_GOAL = 1.3;

/**
 * The extension-host benchmark (extensionTestsPath of `npm run bench:host`): how long the
 * extension takes to load and activate in a real extension host, and what a run through the
 * public API costs there against the same workload through the runner in plain Node.
 * NIAMONX_BENCH_PROFILE=1 writes CPU profiles to test-artifacts/bench/.
 */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<NiamonxApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  if (extension.isActive)
    throw new Error('The extension is already active, so its activation cannot be measured: nothing in this window may activate it.');
  const activation = await profiled('activation', () => measureActivation(extension));
  const api = activation.api;

  const emulator = new EmulatorControl(requiredEnv('NIAMONX_EMULATOR_ORIGIN'));
  const key = requiredEnv('NIAMONX_TEST_KEY');
  const baseUrl = vscode.workspace.getConfiguration('niamonx').inspect<string>('apiBaseUrl')?.globalValue;
  if (!baseUrl) throw new Error('niamonx.apiBaseUrl is not set to the emulator in the user settings');
  await vscode.commands.executeCommand('niamonx.setApiKey', key);
  const config = vscode.workspace.getConfiguration('niamonx');
  await config.update('resultView', 'output', vscode.ConfigurationTarget.Global);
  await prepareEmulator(emulator);

  const inHost = (round: number, calls?: number) => runWorkload((tool, input) => api.runTool(tool, input), round, calls);
  const inNode = (round: number, calls?: number) => plainNode(baseUrl, key, round, calls);
  // Warm-up (JIT, sockets), then each side three times, alternating, keeping the fastest run of each:
  // the machine's other load only ever slows a run down.
  await inHost(1, 500);
  await inNode(1, 500);
  const hosts: WorkloadResult[] = [];
  const nodes: WorkloadResult[] = [];
  for (const round of [2, 3, 4]) {
    hosts.push(await (round === 2 ? profiled('runs', () => inHost(round)) : inHost(round)));
    nodes.push(await inNode(round));
  }
  const host = hosts.reduce(faster);
  const node = nodes.reduce(faster);
  await config.update('history.maxEntries', 10_000, vscode.ConfigurationTarget.Global);
  const hostFullHistory = faster(await inHost(5), await inHost(6));

  const perCall = (result: WorkloadResult) => result.ms / WORKLOAD.calls;
  const lines = [
    '',
    `NiamonX Tools in the extension host (VS Code ${vscode.version})`,
    `  activation: module load ${fixed(activation.loadMs)} ms + activate() ${fixed(activation.activateMs)} ms = ${fixed(activation.loadMs + activation.activateMs)} ms ` +
      `(goal ≤ ${ACTIVATE_GOAL_MS} ms); ext.activate() as a whole, with VS Code's own work: ${fixed(activation.totalMs)} ms`,
    `  ${WORKLOAD.calls} runTool() calls, concurrency ${WORKLOAD.concurrency}, 1 in ${WORKLOAD.faultEvery} answered 503, results to the output channel:`,
    `    plain Node, ToolRunner:            ${fixed(node.ms)} ms, ${fixed(perCall(node), 2)} ms a call (${node.ok} ok, ${node.failed} failed)`,
    `    extension host, public API:        ${fixed(host.ms)} ms, ${fixed(perCall(host), 2)} ms a call (${host.ok} ok, ${host.failed} failed): ` +
      `${fixed(host.ms / node.ms, 2)}× plain Node (goal ≤ ${RATIO_GOAL}×)`,
    `    the same, history.maxEntries 10000: ${fixed(hostFullHistory.ms)} ms, ${fixed(perCall(hostFullHistory), 2)} ms a call: ${fixed(hostFullHistory.ms / node.ms, 2)}× plain Node`,
    '',
  ];
  console.log(lines.join('\n'));
  await config.update('history.maxEntries', undefined, vscode.ConfigurationTarget.Global);
  await config.update('resultView', undefined, vscode.ConfigurationTarget.Global);
}

interface Activation {
  api: NiamonxApi;
  /** require() of the bundle: reading, compiling and running the module's top level. */
  loadMs: number;
  /** The extension's activate() call itself. */
  activateMs: number;
  /** ext.activate() as the caller sees it (VS Code builds the context: storage, secrets). */
  totalMs: number;
}

/**
 * Loads the bundle first (timed), then puts a timing wrapper in its place in the module cache,
 * which VS Code's own require() of the same file then returns, so activate() is timed as VS Code calls it.
 */
async function measureActivation(extension: vscode.Extension<NiamonxApi>): Promise<Activation> {
  const bundle = require.resolve(join(extension.extensionPath, extension.packageJSON.main as string));
  const loadStart = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(bundle) as { activate: (context: vscode.ExtensionContext) => NiamonxApi; deactivate?: () => void };
  const loadMs = performance.now() - loadStart;
  let activateMs: number | undefined;
  const cached = require.cache[bundle];
  if (!cached) throw new Error(`${bundle} is not in the module cache`);
  cached.exports = {
    activate: (context: vscode.ExtensionContext) => {
      const start = performance.now();
      try {
        return module.activate(context);
      } finally {
        activateMs = performance.now() - start;
      }
    },
    deactivate: () => module.deactivate?.(),
  };
  const start = performance.now();
  const api = await extension.activate();
  const totalMs = performance.now() - start;
  if (activateMs === undefined) throw new Error('VS Code did not call activate() through the module cache; the measurement is void');
  return { api, loadMs, activateMs, totalMs };
}

function plainNode(baseUrl: string, key: string, round: number, calls?: number): Promise<WorkloadResult> {
  const script = join(__dirname, 'plainNodeRuns.js');
  const args = [script, baseUrl, key, String(round), ...(calls ? [String(calls)] : [])];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`plain-Node run failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as WorkloadResult);
    }),
  );
}

/** Runs `work` under the CPU profiler when NIAMONX_BENCH_PROFILE=1, writing test-artifacts/bench/<name>.cpuprofile. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (process.env.NIAMONX_BENCH_PROFILE !== '1') return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    const dir = join(__dirname, '..', '..', '..', 'test-artifacts', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const faster = (a: WorkloadResult, b: WorkloadResult): WorkloadResult => (a.ms <= b.ms ? a : b);
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark with "npm run bench:host".`);
  return value;
}
