import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ActivationTiming } from './activationRound';

/**
 * Activates `extension` as any caller would, timing the whole `ext.activate()` and, without
 * changing what VS Code does, the loading of its main module and its activate() call: a
 * one-shot wrapper around Node's loader for `.js` files sees the module being loaded, and
 * swaps in an activate() that times the real one. What is left of the total is VS Code's own
 * work (the extension context, the activation bookkeeping, messages to the window).
 */
export async function timeActivation(extension: vscode.Extension<unknown>): Promise<ActivationTiming> {
  if (extension.isActive) throw new Error(`${extension.id} is already active: its activation cannot be measured in this window.`);
  const main = join(extension.extensionPath, extension.packageJSON.main as string);
  const bundle = require.resolve(main);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaders = (require('node:module') as { _extensions: Record<string, (module: NodeModule, filename: string) => void> })._extensions;
  const loadJs = loaders['.js'];
  let loadMs: number | undefined;
  let activateMs: number | undefined;
  loaders['.js'] = function (module, filename) {
    if (filename !== bundle) return loadJs.call(this, module, filename);
    loaders['.js'] = loadJs;
    const start = performance.now();
    loadJs.call(this, module, filename);
    loadMs = performance.now() - start;
    const exports = module.exports as { activate: (context: vscode.ExtensionContext) => unknown };
    const activate = exports.activate;
    module.exports = {
      ...exports,
      activate: (context: vscode.ExtensionContext) => {
        const started = performance.now();
        try {
          return activate(context);
        } finally {
          activateMs = performance.now() - started;
        }
      },
    };
  };
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await extension.activate();
    const totalMs = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    if (loadMs === undefined || activateMs === undefined)
      throw new Error(`VS Code did not load ${bundle} through Node's loader during ext.activate(); the measurement is void`);
    return { totalMs, cpuMs: (user + system) / 1000, loadMs, activateMs };
  } finally {
    loaders['.js'] = loadJs;
  }
}

/**
 * The built-in extensions that activate once start-up is finished do so on their own schedule;
 * measured beside them, an activation would time their work too. Waits (polling, at most
 * `timeoutMs`) until they are active.
 */
export async function startupActivationsDone(timeoutMs = 30_000): Promise<void> {
  const eager = vscode.extensions.all.filter((extension) => {
    const events = (extension.packageJSON.activationEvents ?? []) as string[];
    return events.includes('*') || events.includes('onStartupFinished');
  });
  const deadline = Date.now() + timeoutMs;
  while (eager.some((extension) => !extension.isActive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the extension host is quiet (three 10 ms timers in a row fire on time, at most
 * `timeoutMs`), so that what one activation left queued (messages, promises) is not timed as
 * part of the next one.
 */
export async function hostQuiet(timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let onTime = 0;
  while (onTime < 3 && Date.now() < deadline) {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    onTime = performance.now() - start < 12 ? onTime + 1 : 0;
  }
}
