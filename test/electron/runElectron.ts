import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from '../../emulator/server';
import { HOST_SUITE, PROJECT_ROOT } from '../../devtools/projectPaths';
import { newTestKey, testEnvironment, quietUserSettings } from '../../devtools/codeServer/testEnvironment';
import { createTestWorkspace } from '../../devtools/codeServer/testWorkspace';

/**
 * `npm run test:electron`: the same extension-host suite as `npm run test:host`, in desktop
 * VS Code downloaded by @vscode/test-electron (needs internet once; on a Linux server, a
 * display: run it under `xvfb-run -a`). VS Code version: $VSCODE_TEST_VERSION or stable.
 */
async function main(): Promise<number> {
  const testKey = newTestKey();
  const emulator = await startEmulator({ keys: [testKey] });
  const workspace = createTestWorkspace();
  const userDataDir = mkdtempSync(join(tmpdir(), 'niamonx-electron-user-'));
  try {
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietUserSettings(emulator.url), null, 2));
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: HOST_SUITE,
      extensionTestsEnv: testEnvironment({ emulatorOrigin: emulator.origin, testKey, userDataDir }),
      launchArgs: [
        workspace.folder,
        '--user-data-dir',
        userDataDir,
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    await emulator.close();
    workspace.remove();
    if (process.env.NIAMONX_KEEP_TEMP !== '1') rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // runTests rejects when VS Code exits non-zero, i.e. when a test failed.
    console.error(`Extension tests in desktop VS Code failed: ${error.message}`);
    process.exit(1);
  },
);
