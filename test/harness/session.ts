import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type Emulator, type StartOptions } from '../../emulator/server';
import { launchBrowser, openVsCode, vsCodeUrl, waitForWorkbench } from '../../devtools/codeServer/browser';
import { ConsoleForwarder } from '../../devtools/codeServer/consoleOutput';
import { codeServerDiagnostics } from '../../devtools/codeServer/diagnostics';
import { readyExtensionHosts, waitForExtensionHost } from '../../devtools/codeServer/extensionHostReady';
import { launchCodeServer, type CodeServer } from '../../devtools/codeServer/launch';
import { artifactsDir, PROJECT_ROOT } from '../../devtools/projectPaths';
import { newTestKey, testEnvironment, quietUserSettings } from '../../devtools/codeServer/testEnvironment';
import { createTestWorkspace } from '../../devtools/codeServer/testWorkspace';
import { currentRelease } from '../../devtools/codeServer/releases';
import { Cleanup } from '../../devtools/util/cleanup';
import { waitFor } from '../../devtools/util/waitFor';
import { installedExtensionsDir } from '../../devtools/codeServer/installedExtensions';
import { Workbench } from './workbench';

export interface SessionOptions {
  /** Names the folder for screenshots: test-artifacts/<suite>/. */
  suite: string;
  /** Extra workspace files (relative path → text), added to the fixture workspace. */
  files?: Record<string, string>;
  /** Merged over the test settings (which point niamonx.apiBaseUrl at the emulator). */
  userSettings?: object;
  /** Extra environment for code-server and so the extension host. */
  env?: Record<string, string>;
  /** Also put the test key in NIAMONX_API_KEY, so the extension works without "Set API Key". */
  keyInEnvironment?: boolean;
  /** Install this packaged .vsix instead of loading the extension from the repo in development mode. */
  installVsix?: string;
  /** Folders of more extensions (test fixtures) to install beside this one. */
  moreExtensions?: string[];
  /** More .vsix files to install next to the extension (e.g. a language pack). */
  alsoInstall?: string[];
  /** VS Code's display language (argv.json `locale`), e.g. 'de', and the language pack that provides it. */
  locale?: { language: string; languagePacksJson: string };
  /** Emulator options; the test key is always accepted. */
  emulator?: Omit<StartOptions, 'keys'>;
}

export interface VsCodeSession {
  page: Page;
  workbench: Workbench;
  emulator: Emulator;
  codeServer: CodeServer;
  /**
   * Whether the extension runs from source (development mode, with its dev-only emulator entry)
   * or as installed: a .vsix, and every window of VS Code 1.139 (see CodeServerRelease.needsSmokeTestDriver).
   */
  developmentMode: boolean;
  /** The key the emulator accepts in this session. */
  testKey: string;
  workspaceFolder: string;
  /** Saves test-artifacts/<suite>/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  runCommand(title: string): Promise<void>;
  typeInQuickInput(text: string, options?: { submit?: boolean }): Promise<void>;
  openFile(relativePath: string): Promise<void>;
  selectText(line: number, startColumn: number, endColumn: number): Promise<void>;
  selectFirst(text: string): Promise<void>;
  rightClickEditor(): Promise<void>;
  clickContextMenuItem(label: string): Promise<void>;
  /** Reloads the browser window and waits until VS Code and a new extension host are up. */
  reloadWindow(): Promise<void>;
  /** Browser console (filtered) and code-server output, for a failing test's report. */
  diagnostics(): string;
  /** For an afterEach hook: screenshot plus diagnostics when the test failed. */
  reportFailure(testTitle: string): Promise<void>;
  close(): Promise<void>;
}

const KEPT_CONSOLE_LINES = 200;

/**
 * A real VS Code (code-server in headless Chromium) with this extension loaded in development
 * mode, a fixture workspace, and its own emulator the extension is pointed at.
 */
export async function startVsCodeSession(opts: SessionOptions): Promise<VsCodeSession> {
  const cleanup = new Cleanup();
  try {
    const testKey = newTestKey();
    const emulator = await startEmulator({ ...opts.emulator, keys: [testKey] });
    cleanup.add('stop the emulator', () => emulator.close());
    const workspace = createTestWorkspace(opts.files);
    cleanup.add('remove the workspace', workspace.remove);
    // Where the URL payload needs the smoke-test driver (VS Code 1.139), which hides notification
    // toasts, the extension is loaded as installed (a copy of what runs) instead of in development mode.
    const asInstalled = !opts.installVsix && currentRelease().needsSmokeTestDriver;
    const extensionsDir =
      opts.moreExtensions?.length || asInstalled ? installedFolders(opts.moreExtensions ?? [], cleanup, asInstalled) : undefined;
    const codeServer = await launchCodeServer({
      extensionsDir,
      installVsix: opts.installVsix,
      alsoInstall: opts.alsoInstall,
      userDataFiles: opts.locale
        ? { 'User/argv.json': JSON.stringify({ locale: opts.locale.language }), 'languagepacks.json': opts.locale.languagePacksJson }
        : undefined,
      workspaceFolder: workspace.folder,
      userSettings: quietUserSettings(emulator.url, opts.userSettings),
      env: ({ userDataDir }) => ({
        ...testEnvironment({ emulatorOrigin: emulator.origin, testKey, userDataDir }),
        ...(opts.keyInEnvironment ? { NIAMONX_API_KEY: testKey } : {}),
        ...opts.env,
      }),
    });
    cleanup.add('stop code-server', codeServer.stop);
    const browser: Browser = await launchBrowser();
    cleanup.add('close Chromium', () => browser.close());

    const consoleLines: string[] = [];
    const forwarder = new ConsoleForwarder((line) => {
      consoleLines.push(`[${line.level}] ${line.text}`);
      if (consoleLines.length > KEPT_CONSOLE_LINES) consoleLines.shift();
    });
    const { page } = await openVsCode(
      browser,
      vsCodeUrl({
        origin: codeServer.origin,
        workspaceFolder: workspace.folder,
        extensionDevelopmentPath: opts.installVsix || asInstalled ? undefined : PROJECT_ROOT,
      }),
      {
        onConsole: (message) => forwarder.push(message),
        onPageError: (error) => consoleLines.push(`[page error] ${error.message}`),
      },
    );
    await waitForExtensionHost(codeServer);
    const workbench = new Workbench(page);
    const screenshot = async (name: string): Promise<string> => {
      const dir = artifactsDir(opts.suite);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path });
      return path;
    };
    const diagnostics = (): string =>
      `--- browser console (last lines) ---\n${consoleLines.join('\n') || '(none)'}\n${codeServerDiagnostics(codeServer)}`;

    return {
      page,
      workbench,
      emulator,
      codeServer,
      developmentMode: !opts.installVsix && !asInstalled,
      testKey,
      workspaceFolder: workspace.folder,
      screenshot,
      runCommand: (title) => workbench.runCommand(title),
      typeInQuickInput: (text, options) => workbench.typeInQuickInput(text, options),
      openFile: (relativePath) => workbench.openFile(relativePath),
      selectText: (line, startColumn, endColumn) => workbench.selectText(line, startColumn, endColumn),
      selectFirst: (text) => workbench.selectFirst(text),
      rightClickEditor: () => workbench.rightClickEditor(),
      clickContextMenuItem: (label) => workbench.clickContextMenuItem(label),
      reloadWindow: async () => {
        const before = readyExtensionHosts(codeServer);
        // As a user would: "Developer: Reload Window" lets the workbench save its state (open
        // editors, webview state) before reloading, which a bare page reload can cut short.
        // A marker on the old page tells when the new one has replaced it.
        await page.evaluate(() => ((window as unknown as { niamonxOldPage: boolean }).niamonxOldPage = true));
        await workbench.pickFromPalette('Developer: Reload Window');
        const stillOldPage = () =>
          page.evaluate(() => (window as unknown as { niamonxOldPage?: boolean }).niamonxOldPage === true).catch(() => true);
        const replaced = await waitFor('the reloaded page', async () => ((await stillOldPage()) ? undefined : true), {
          timeoutMs: 30_000,
        }).catch(() => false);
        if (!replaced) {
          console.log('reloadWindow: "Developer: Reload Window" did not reload within 30 s; reloading the page instead');
          await page.reload({ waitUntil: 'commit' });
        }
        await waitForWorkbench(page);
        await waitForExtensionHost(codeServer, { moreThan: before });
      },
      diagnostics,
      reportFailure: async (testTitle) => {
        await forwarder.drain();
        const path = await screenshot(`failed-${testTitle}`).catch((error: Error) => `(no screenshot: ${error.message})`);
        console.log(`\nScreenshot of the failure: ${path}\n${diagnostics()}`);
      },
      close: () => cleanup.run(),
    };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}

/** installedExtensionsDir, removed again when the session closes. */
function installedFolders(folders: string[], cleanup: Cleanup, withProject = false): string {
  const dir = installedExtensionsDir(folders, withProject);
  cleanup.add('remove the fixture extensions', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
