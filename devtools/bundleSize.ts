import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './projectPaths';

/** The goal for the minified extension bundle (dist/extensionMain.js after `node esbuild.mjs --production`; the loader beside it is a few hundred bytes): 250 KiB. */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

/**
 * Bytes of the bundle users get: esbuild.mjs itself builds it, with its own options (plugins,
 * minification), into a temporary folder (dist/ is left as it is). The bundle-size test and
 * `npm run bench` both measure this one.
 */
export function productionBundleBytes(): number {
  const folder = mkdtempSync(join(tmpdir(), 'niamonx-bundle-'));
  try {
    const outfile = join(folder, 'extension.js');
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', `--outfile=${outfile}`], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`the production build failed:\n${build.stderr}`);
    return statSync(outfile).size;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One line for `npm run bench`. */
export function bundleSizeLine(): string {
  const bytes = productionBundleBytes();
  const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`;
  return `bundle: dist/extension.js (production) ${kib(bytes)}, goal ≤ ${kib(BUNDLE_BUDGET_BYTES)}: ${bytes <= BUNDLE_BUDGET_BYTES ? 'met' : 'NOT met'}`;
}
