import { join, resolve } from 'node:path';

/** The repository root (this file runs from out/devtools/). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const EXTENSION_ID = 'niamonx-community.niamonx-tools';
export const EXTENSION_BUNDLE = join(PROJECT_ROOT, 'dist', 'extension.js');
export const HOST_SUITE = join(PROJECT_ROOT, 'out', 'test', 'host', 'index.js');
/** Runs in a window of its own: checks that a window with nothing open leaves the extension inactive. */
export const STARTUP_SUITE = join(PROJECT_ROOT, 'out', 'test', 'host', 'startup', 'index.js');
export const UI_TESTS_DIR = join(PROJECT_ROOT, 'out', 'test', 'ui');

/** Screenshots and other evidence of one suite, under test-artifacts/ (git-ignored). */
export function artifactsDir(suite: string): string {
  return join(PROJECT_ROOT, 'test-artifacts', suite);
}
