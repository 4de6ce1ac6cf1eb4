import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * `npm run bench:host`: runs bench/host/suite.ts inside a real extension host through the
 * harness of `npm run test:host` (code-server, headless Chromium, the emulator), extension-host tier only.
 */
function main(): number {
  const suite = resolve(__dirname, 'suite.js');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'test:host'], {
    cwd: join(__dirname, '..', '..', '..'),
    stdio: 'inherit',
    env: { ...process.env, NIAMONX_HOST_SUITE: suite, NIAMONX_SKIP_UI: '1' },
  });
  return result.status ?? 1;
}

process.exitCode = main();
