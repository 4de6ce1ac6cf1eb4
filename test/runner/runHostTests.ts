import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator } from '../../emulator/server';
import { launchBrowser } from '../../devtools/codeServer/browser';
import { ensureCodeServer } from '../../devtools/codeServer/install';
import { RELEASES, selectedTargets, type VsCodeTarget } from '../../devtools/codeServer/releases';
import { launchCodeServer } from '../../devtools/codeServer/launch';
import { runHostSuite, type HostSuiteResult } from './hostSuite';
import { requireRunPrerequisites } from '../../devtools/codeServer/prerequisites';
import { artifactsDir, EXTENSION_BUNDLE, HOST_SUITE, PROJECT_ROOT, STARTUP_SUITE, UI_TESTS_DIR } from '../../devtools/projectPaths';
import { newTestKey, testEnvironment, quietUserSettings } from '../../devtools/codeServer/testEnvironment';
import { createTestWorkspace } from '../../devtools/codeServer/testWorkspace';
import { runUiTests, type UiTestResult } from './uiTests';
import { Cleanup } from '../../devtools/util/cleanup';

/** The whole extension-host run (activation, all suites) must end within this. */
const HOST_SUITE_TIMEOUT_MS = 10 * 60_000;

/**
 * `npm run test:host`: the extension-host suite inside a real VS Code (code-server in headless
 * Chromium) against the local emulator, then the UI tests. Offline: everything binds to 127.0.0.1.
 * NIAMONX_HOST_SUITE=<path> runs another suite module; NIAMONX_SKIP_UI=1 skips the UI tests.
 * For benchmarks: NIAMONX_HOST_EXTENSIONS_DIR=<folder> is the window's extensions folder (installed
 * extensions), NIAMONX_HOST_DEVELOP=<folder> the extension loaded in development mode instead of this one.
 * Without NIAMONX_HOST_SUITE, the start-up suite runs first in a window of its own (see startupWindowWanted).
 * NIAMONX_VSCODE=oldest|newest|both (default both) picks the VS Codes: with both, each runs in a
 * process of its own (this script again) and the counts are added up.
 */
async function main(): Promise<number> {
  new Cleanup().runOnInterrupt();
  requireRunPrerequisites();
  const targets = selectedTargets();
  if (targets.length > 1) return runEach(targets);
  const release = RELEASES[targets[0]];
  const suite = resolve(process.env.NIAMONX_HOST_SUITE || HOST_SUITE);
  for (const [file, what] of [
    [EXTENSION_BUNDLE, 'the extension bundle'],
    [suite, 'the extension-host suite'],
  ]) {
    if (!existsSync(file)) throw new Error(`${what} is missing (${file}): build first with "node esbuild.mjs".`);
  }
  const install = await ensureCodeServer(release);
  console.log(`\nTesting in VS Code ${release.vscode} (code-server ${release.codeServer} on Node ${install.node.version})`);

  const startup = startupWindowWanted() ? await runHostTier(STARTUP_SUITE, STARTUP_WINDOW_SETTINGS) : undefined;
  const host = addResults(await runHostTier(suite), startup);
  const ui = process.env.NIAMONX_SKIP_UI === '1' ? undefined : await runUiTests(UI_TESTS_DIR);
  return report(host, ui);
}

/**
 * A setting every tested VS Code migrates at start-up (to workbench.activityBar.location), as it
 * would for a user with older settings: the workbench then opens the user settings.json as a
 * JSON model by itself, which would activate an extension listening to onLanguage:json. The
 * start-up test waits for this migration before it looks.
 */
const STARTUP_WINDOW_SETTINGS = { 'workbench.activityBar.visible': true };

async function runHostTier(suite: string, extraUserSettings: object = {}): Promise<HostSuiteResult> {
  const cleanup = new Cleanup();
  try {
    const testKey = newTestKey();
    const emulator = await startEmulator({ keys: [testKey] });
    cleanup.add('stop the emulator', () => emulator.close());
    const workspace = createTestWorkspace();
    cleanup.add('remove the workspace', workspace.remove);
    const codeServer = await launchCodeServer({
      extensionsDir: process.env.NIAMONX_HOST_EXTENSIONS_DIR || undefined,
      workspaceFolder: workspace.folder,
      runsExtensionTests: true,
      userSettings: quietUserSettings(emulator.url, extraUserSettings),
      env: ({ userDataDir }) => testEnvironment({ emulatorOrigin: emulator.origin, testKey, userDataDir }),
    });
    cleanup.add('stop code-server', codeServer.stop);
    const browser = await launchBrowser();
    cleanup.add('close Chromium', () => browser.close());

    console.log(`\nExtension-host tests: ${suite} in code-server ${codeServer.origin}, emulator ${emulator.url}\n`);
    const result = await runHostSuite({
      browser,
      codeServer,
      extensionDevelopmentPath: process.env.NIAMONX_HOST_DEVELOP || PROJECT_ROOT,
      extensionTestsPath: suite,
      timeoutMs: HOST_SUITE_TIMEOUT_MS,
      artifactsDir: artifactsDir('host'),
    });
    console.log(`\nExtension-host suite exited with code ${result.exitCode} after ${result.seconds.toFixed(1)} s`);
    return result;
  } finally {
    await cleanup.run();
  }
}

/** The start-up window needs a launch of its own; skip it when NIAMONX_HOST_GREP filters the tests to others. */
function startupWindowWanted(): boolean {
  if (process.env.NIAMONX_HOST_SUITE) return false;
  const grep = process.env.NIAMONX_HOST_GREP;
  return !grep || new RegExp(grep).test('start-up');
}

function addResults(host: HostSuiteResult, other: HostSuiteResult | undefined): HostSuiteResult {
  if (!other) return host;
  return {
    exitCode: host.exitCode || other.exitCode,
    passing: (host.passing ?? 0) + (other.passing ?? 0),
    failing: (host.failing ?? 0) + (other.failing ?? 0) + (other.exitCode !== 0 && !other.failing ? 1 : 0),
    seconds: host.seconds + other.seconds,
  };
}

function report(host: HostSuiteResult, ui: UiTestResult | undefined): number {
  const passed = (host.passing ?? 0) + (ui?.passing ?? 0);
  let failed = (host.failing ?? 0) + (ui?.failing ?? 0);
  // A suite that failed without mocha's summary (e.g. it could not load) still counts as a failure.
  if (host.exitCode !== 0 && !host.failing) {
    console.log('The extension-host suite failed without reporting failing tests (see its output above).');
    failed += 1;
  }
  if (host.passing === undefined && host.exitCode === 0) {
    console.log('Note: the extension-host suite printed no mocha summary, so its tests are not counted.');
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Runs this script once per VS Code, one after the other, and adds up their closing counts. */
async function runEach(targets: VsCodeTarget[]): Promise<number> {
  const results: Array<{ target: VsCodeTarget; passed: number; failed: number; exitCode: number }> = [];
  for (const target of targets) {
    const { vscode, codeServer } = RELEASES[target];
    console.log(`\n===== VS Code ${vscode} (${target}, code-server ${codeServer}) =====`);
    results.push({ target, ...(await runChild(target)) });
  }
  console.log('\nVS Codes tested:');
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    // A run that ended without its closing line (it crashed) counts as one failure.
    const crashed = result.exitCode !== 0 && result.failed === 0 ? 1 : 0;
    passed += result.passed;
    failed += result.failed + crashed;
    console.log(`  VS Code ${RELEASES[result.target].vscode}: ${result.passed} passed, ${result.failed + crashed} failed`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function runChild(target: VsCodeTarget): Promise<{ passed: number; failed: number; exitCode: number }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, process.argv.slice(1), {
      env: { ...process.env, NIAMONX_VSCODE: target },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let passed = 0;
    let failed = 0;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const closing = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
        if (closing) [passed, failed] = [Number(closing[1]), Number(closing[2])];
      }
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolveRun({ passed, failed, exitCode: code ?? (signal ? 1 : 0) }));
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`\n${error.stack ?? error.message}`);
    process.exit(1);
  },
);
