import { randomBytes } from 'node:crypto';

/** A fresh key per run, so no test can pass by knowing it in advance. */
export function newTestKey(): string {
  return `nx-test-${randomBytes(12).toString('hex')}`;
}

/** VS Code settings for a quiet, offline, predictable window pointed at the emulator (tests and the demo). */
export function quietUserSettings(emulatorUrl: string, extra: object = {}): object {
  return {
    'niamonx.apiBaseUrl': emulatorUrl,
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'files.hotExit': 'off',
    ...extra,
  };
}

/** What the extension-host tests read from their environment (see test/host/helpers.ts). */
export function testEnvironment(opts: { emulatorOrigin: string; testKey: string; userDataDir: string }): Record<string, string> {
  return {
    NIAMONX_EMULATOR_ORIGIN: opts.emulatorOrigin,
    NIAMONX_TEST_KEY: opts.testKey,
    NIAMONX_TEST_USER_DATA_DIR: opts.userDataDir,
  };
}
