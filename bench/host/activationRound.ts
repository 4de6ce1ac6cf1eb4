import { join } from 'node:path';

/** What the activation windows of `npm run bench:host` measure and hand back (no `vscode` here: index.ts runs in plain Node). */
export const EXTENSION_ID = 'niamonx-community.niamonx-tools';
/** bench/host/emptyExtension: an extension whose activate() does nothing, loaded beside ours. */
export const EMPTY_EXTENSION_ID = 'niamonx-bench.empty-extension';
const BENCH_HOST_DIR = join(__dirname, '..', '..', '..', 'bench', 'host');
/** The empty extension's folder; installed beside ours in every activation window. */
export const EMPTY_EXTENSION_DIR = join(BENCH_HOST_DIR, 'emptyExtension');
/** The window's extension in development mode (VS Code runs a test module only with one), activated first as a warm-up. */
export const BENCH_WINDOW_DIR = join(BENCH_HOST_DIR, 'benchWindow');
export const BENCH_WINDOW_ID = 'niamonx-bench.bench-window';

/** One extension's `ext.activate()`, as the caller sees it, and its two parts that are the extension's own. */
export interface ActivationTiming {
  /** `await ext.activate()`, from the call until the promise settles. */
  totalMs: number;
  /**
   * CPU time the extension host process spent meanwhile (all its threads: compiling, collecting
   * garbage): unlike the wall-clock times, barely moved by other load on the machine.
   */
  cpuMs: number;
  /** Node's loading of the main module: reading, compiling, running its top level (and what it requires). */
  loadMs: number;
  /** The module's activate() call. */
  activateMs: number;
}

/** One window's measurement: the empty extension and ours, each activated once. */
export interface ActivationRound {
  vscode: string;
  /** Which of the two was activated first (the order alternates between rounds). */
  first: 'empty' | 'ours';
  /** Whether the window had the extension's code cache from an earlier window (as every window after a user's first has). */
  codeCache: boolean;
  /** The window's first activation (bench/host/benchWindow, an empty extension too), before the two measured ones. */
  warmUp: ActivationTiming;
  empty: ActivationTiming;
  ours: ActivationTiming;
}

/** The CPU profile of one extension's activation in the profiled round. */
export const profileName = (which: 'empty' | 'ours', vscodeVersion: string): string => `activation-${which}-${vscodeVersion}`;
