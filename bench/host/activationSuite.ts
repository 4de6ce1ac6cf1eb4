import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { hostQuiet, startupActivationsDone, timeActivation } from './activation';
import { BENCH_WINDOW_ID, EMPTY_EXTENSION_ID, EXTENSION_ID, profileName, type ActivationRound } from './activationRound';
import { profiled } from './profiled';

/**
 * One activation round of `npm run bench:host` (its extensionTestsPath): in a fresh window, after
 * a warm-up activation, the empty extension and ours are activated one after the other, in the order the round number
 * gives, and the timings are appended as a JSON line to NIAMONX_BENCH_ACTIVATION_FILE.
 * NIAMONX_BENCH_PROFILE=1 profiles each activation (test-artifacts/bench/activation-<which>-<version>.cpuprofile).
 * NIAMONX_BENCH_CODE_CACHE=<folder> carries the extension's code cache from window to window, as
 * a user's global storage does: put in place before activating, or, when there was none, taken
 * from the window once the extension has written it.
 */
export async function run(): Promise<void> {
  const file = process.env.NIAMONX_BENCH_ACTIVATION_FILE;
  if (!file) throw new Error('NIAMONX_BENCH_ACTIVATION_FILE is not set: run the benchmark with "npm run bench:host".');
  const round = Number(process.env.NIAMONX_BENCH_ROUND ?? '0');
  const ours = required(EXTENSION_ID);
  const empty = required(EMPTY_EXTENSION_ID);
  const codeCache = codeCacheFolders();
  const cached = copyFiles(codeCache.kept, codeCache.window);
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
  const result: ActivationRound = { vscode: vscode.version, first, codeCache: cached > 0, warmUp, ...timings };
  appendFileSync(file, `${JSON.stringify(result)}\n`);
  if (!cached) await keepCodeCache(codeCache);
}

interface CodeCacheFolders {
  /** Held by the benchmark across windows. */
  kept: string;
  /** The extension's global storage in this window (src/loader/extensionLoader.ts). */
  window: string;
}

function codeCacheFolders(): CodeCacheFolders {
  const kept = process.env.NIAMONX_BENCH_CODE_CACHE;
  const userData = process.env.NIAMONX_TEST_USER_DATA_DIR;
  if (!kept || !userData) throw new Error('NIAMONX_BENCH_CODE_CACHE or NIAMONX_TEST_USER_DATA_DIR is not set: run "npm run bench:host".');
  return { kept, window: join(userData, 'User', 'globalStorage', EXTENSION_ID, 'code-cache') };
}

function copyFiles(from: string, to: string): number {
  const names = existsSync(from) ? readdirSync(from) : [];
  mkdirSync(to, { recursive: true });
  for (const name of names) cpSync(join(from, name), join(to, name));
  return names.length;
}

/** Waits (at most 30 s) for the extension to write its code cache, and keeps it for the next window. */
async function keepCodeCache(folders: CodeCacheFolders): Promise<void> {
  const deadline = Date.now() + 30_000;
  const written = () => existsSync(folders.window) && readdirSync(folders.window).some((name) => name.endsWith('.bin'));
  while (!written() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!written()) throw new Error(`The extension wrote no code cache to ${folders.window} within 30 s`);
  for (const name of readdirSync(folders.window).filter((name) => name.endsWith('.bin'))) {
    cpSync(join(folders.window, name), join(folders.kept, name));
  }
}

function required(id: string): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this window`);
  return extension;
}
