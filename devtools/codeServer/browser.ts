import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { chromiumPath } from './prerequisites';

const WORKBENCH_TIMEOUT_MS = 60_000;

/**
 * Headless Chromium that can only reach loopback: every other host name resolves to
 * nothing, so neither VS Code nor Chromium can contact the internet by accident.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Newer workbenches talk to the loopback server in ways Chromium's Local Network Access checks would block.
      '--disable-features=LocalNetworkAccessChecks',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

export interface VsCodeUrlOptions {
  /** The code-server origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  workspaceFolder: string;
  /** Absolute path of the extension to load in development mode. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a module exporting `run()`: VS Code runs it and then exits with its result. */
  extensionTestsPath?: string;
}

/** The workbench URL; paths are passed as vscode-remote URIs, since they live on the code-server side. */
export function vsCodeUrl(opts: VsCodeUrlOptions): string {
  const authority = new URL(opts.origin).host;
  const remote = (path: string): string => `vscode-remote://${authority}${path}`;
  const payload: Array<[string, string]> = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: opts.workspaceFolder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${opts.origin}/?${query.toString()}`;
}

export interface OpenVsCodeOptions {
  /** Called when VS Code ends an extension test run (`codeAutomationExit`) with its exit code. */
  onAutomationExit?: (code: number) => void;
  /** Every browser console message (see consoleOutput.ts to read and filter them). */
  onConsole?: (message: ConsoleMessage) => void;
  /** Uncaught errors in the page. */
  onPageError?: (error: Error) => void;
  viewport?: { width: number; height: number };
}

/** Opens VS Code at `url` in a new context and waits until the workbench is on screen. */
export async function openVsCode(
  browser: Browser,
  url: string,
  opts: OpenVsCodeOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (opts.onConsole) page.on('console', opts.onConsole);
  if (opts.onPageError) page.on('pageerror', opts.onPageError);
  // Must exist before the workbench loads: VS Code looks for it when the test run ends.
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    opts.onAutomationExit?.(typeof code === 'number' ? code : Number(code));
  });
  await page.goto(url);
  await waitForWorkbench(page);
  return { context, page };
}

export async function waitForWorkbench(page: Page, timeoutMs = WORKBENCH_TIMEOUT_MS): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
}
