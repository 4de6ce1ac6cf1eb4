import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * `npm run bench:host`: runs bench/host/suite.ts inside a real extension host through the
 * harness of `npm run test:host` (code-server, headless Chromium, the emulator), extension-host
 * tier only, against the production bundle users get; the development bundle is rebuilt after.
 */
function main(): number {
  build('--production');
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', 'test:host'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NIAMONX_HOST_SUITE: resolve(__dirname, 'suite.js'), NIAMONX_SKIP_UI: '1' },
    });
    return result.status ?? 1;
  } finally {
    build();
  }
}

function build(...flags: string[]): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs', ...flags], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs ${flags.join(' ')} failed`);
}

process.exitCode = main();
