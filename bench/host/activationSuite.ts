import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { hostQuiet, startupActivationsDone, timeActivation } from './activation';
import { BENCH_WINDOW_ID, EMPTY_EXTENSION_ID, EXTENSION_ID, profileName, type ActivationRound } from './activationRound';
import { profiled } from './profiled';

/**
 * One activation round of `npm run bench:host` (its extensionTestsPath): in a fresh window, after
 * a warm-up activation, the empty extension and ours are activated one after the other, in the order the round number
 * gives, and the timings are appended as a JSON line to NIAMONX_BENCH_ACTIVATION_FILE.
 * NIAMONX_BENCH_PROFILE=1 profiles each activation (test-artifacts/bench/activation-<which>-<version>.cpuprofile).
 */
export async function run(): Promise<void> {
  const file = process.env.NIAMONX_BENCH_ACTIVATION_FILE;
  if (!file) throw new Error('NIAMONX_BENCH_ACTIVATION_FILE is not set: run the benchmark with "npm run bench:host".');
  const round = Number(process.env.NIAMONX_BENCH_ROUND ?? '0');
  const ours = required(EXTENSION_ID);
  const empty = required(EMPTY_EXTENSION_ID);
  await startupActivationsDone();
  // A window's first activation costs VS Code tens of ms of its own: a warm-up takes it (and it is reported).
  const warmUp = await timeActivation(required(BENCH_WINDOW_ID));
  const first = round % 2 === 0 ? 'empty' : 'ours';
  const measure = async (which: 'empty' | 'ours') => {
    await hostQuiet();
    return profiled(profileName(which, vscode.version), () => timeActivation(which === 'empty' ? empty : ours));
  };
  const timings =
    first === 'empty'
      ? { empty: await measure('empty'), ours: await measure('ours') }
      : { ours: await measure('ours'), empty: await measure('empty') };
  const result: ActivationRound = { vscode: vscode.version, first, warmUp, ...timings };
  appendFileSync(file, `${JSON.stringify(result)}\n`);
}

function required(id: string): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this window`);
  return extension;
}
