import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EmulatorControl } from '../../emulator/controlClient';
import type { NiamonxApi } from '../../src/vscode/run/publicApi';
import { EXTENSION_ID } from './activationRound';
import { profiled } from './profiled';
import { prepareEmulator, runWorkload, WORKLOAD, type WorkloadResult } from './workload';

const RATIO_GOAL = 1.3;

/**
 * The run benchmark of `npm run bench:host` (its last window's extensionTestsPath): what a run
 * through the public API costs in a real extension host against the same workload through the
 * runner in plain Node (activation is measured in windows of its own: activationSuite.ts), and
 * the same once more with VS Code's fetch support off, which tells our part from VS Code's.
 * NIAMONX_BENCH_PROFILE=1 writes a CPU profile of one round to test-artifacts/bench/runs.cpuprofile.
 */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<NiamonxApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();

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
  await config.update('history.maxEntries', undefined, vscode.ConfigurationTarget.Global);
  // VS Code's own part: with its fetch support on (the default) every request reads the proxy
  // settings and gets a new connection; the user's setting, measured here only to tell the parts apart.
  const http = vscode.workspace.getConfiguration('http');
  await http.update('fetchAdditionalSupport', false, vscode.ConfigurationTarget.Global);
  const hostPlainFetch = faster(await inHost(7), await inHost(8));
  await http.update('fetchAdditionalSupport', undefined, vscode.ConfigurationTarget.Global);

  const perCall = (result: WorkloadResult) => result.ms / WORKLOAD.calls;
  const lines = [
    '',
    `NiamonX Tools in the extension host (VS Code ${vscode.version})`,
    `  ${WORKLOAD.calls} runTool() calls, concurrency ${WORKLOAD.concurrency}, 1 in ${WORKLOAD.faultEvery} answered 503, results to the output channel:`,
    `    plain Node, ToolRunner:            ${fixed(node.ms)} ms, ${fixed(perCall(node), 2)} ms a call (${node.ok} ok, ${node.failed} failed)`,
    `    extension host, public API:        ${fixed(host.ms)} ms, ${fixed(perCall(host), 2)} ms a call (${host.ok} ok, ${host.failed} failed): ` +
      `${fixed(host.ms / node.ms, 2)}× plain Node (goal ≤ ${RATIO_GOAL}×)`,
    `    the same, history.maxEntries 10000: ${fixed(hostFullHistory.ms)} ms, ${fixed(perCall(hostFullHistory), 2)} ms a call: ${fixed(hostFullHistory.ms / node.ms, 2)}× plain Node`,
    `    the same, http.fetchAdditionalSupport off (no proxy lookup, connections kept): ${fixed(hostPlainFetch.ms)} ms, ` +
      `${fixed(perCall(hostPlainFetch), 2)} ms a call: ${fixed(hostPlainFetch.ms / node.ms, 2)}× plain Node`,
    '',
  ];
  console.log(lines.join('\n'));
  await config.update('resultView', undefined, vscode.ConfigurationTarget.Global);
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

const faster = (a: WorkloadResult, b: WorkloadResult): WorkloadResult => (a.ms <= b.ms ? a : b);
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark with "npm run bench:host".`);
  return value;
}
