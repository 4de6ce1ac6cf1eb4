import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server';
import { launchCodeServer } from '../devtools/codeServer/launch';
import { EXTENSION_BUNDLE, EXTENSION_ID, PROJECT_ROOT } from '../devtools/projectPaths';
import { quietUserSettings } from '../devtools/codeServer/testEnvironment';
import { createTestWorkspace } from '../devtools/codeServer/testWorkspace';
import { Cleanup } from '../devtools/util/cleanup';
import { freePort } from '../devtools/util/freePort';

const DEMO_KEY = process.env.NIAMONX_EMULATOR_KEY || 'nx-demo-key-0000';

/**
 * `npm start`: the extension in a browser VS Code against the local emulator, ready to use:
 * the key is in NIAMONX_API_KEY, niamonx.apiBaseUrl points at the emulator. Ctrl+C stops it all.
 */
async function main(): Promise<void> {
  if (!existsSync(EXTENSION_BUNDLE)) throw new Error(`${EXTENSION_BUNDLE} is missing: build first with "node esbuild.mjs".`);
  const cleanup = new Cleanup();
  cleanup.runOnInterrupt();
  try {
    const emulator = await startEmulator({ port: await freePort(8787), keys: [DEMO_KEY] });
    cleanup.add('stop the emulator', () => emulator.close());
    const workspace = createTestWorkspace();
    cleanup.add('remove the workspace', () => workspace.remove());
    const extensionsDir = installedAsSymlink();
    cleanup.add('remove the extensions folder', () => rmSync(extensionsDir, { recursive: true, force: true }));
    const codeServer = await launchCodeServer({
      port: await freePort(8080),
      workspaceFolder: workspace.folder,
      extensionsDir,
      env: { NIAMONX_API_KEY: DEMO_KEY },
      userSettings: quietUserSettings(emulator.url),
    });
    cleanup.add('stop code-server', () => codeServer.stop());

    console.log(`
NiamonX Tools demo is running.
  Open:      ${codeServer.url}
  Emulator:  ${emulator.url}  (control API: ${emulator.origin}/__emulator/)
  Demo key:  ${DEMO_KEY}  (already set through NIAMONX_API_KEY)
Open access.log, put the cursor on an IP and run "NiamonX: Ping". Press Ctrl+C to stop.`);
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}

/** An extensions folder holding this project as an installed extension (a symlink, so rebuilds show up on reload). */
function installedAsSymlink(): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = mkdtempSync(join(tmpdir(), 'niamonx-demo-extensions-'));
  symlinkSync(PROJECT_ROOT, join(dir, `${EXTENSION_ID}-${version}`), 'dir');
  return dir;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
