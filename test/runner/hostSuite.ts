import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openVsCode, vsCodeUrl } from '../../devtools/codeServer/browser';
import { ConsoleForwarder, type ConsoleLine } from '../../devtools/codeServer/consoleOutput';
import { codeServerDiagnostics } from '../../devtools/codeServer/diagnostics';
import type { CodeServer } from '../../devtools/codeServer/launch';
import { MochaCounts } from './mochaCounts';

export interface HostSuiteOptions {
  browser: Browser;
  codeServer: CodeServer;
  extensionDevelopmentPath: string;
  /** Module exporting `run()`, e.g. out/test/host/index.js. */
  extensionTestsPath: string;
  timeoutMs: number;
  /** Where a screenshot goes when the run times out. */
  artifactsDir: string;
}

export interface HostSuiteResult {
  exitCode: number;
  passing?: number;
  failing?: number;
  seconds: number;
}

/**
 * Runs an extension-host test suite inside VS Code in the browser and prints its output:
 * VS Code loads the extension in development mode, calls the suite's `run()`, and reports
 * the outcome through `codeAutomationExit`.
 */
export async function runHostSuite(opts: HostSuiteOptions): Promise<HostSuiteResult> {
  const started = Date.now();
  const counts = new MochaCounts();
  const forwarder = new ConsoleForwarder((line) => {
    printLine(line);
    counts.observe(line.text);
  });
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (reportExit = resolve));
  const url = vsCodeUrl({
    origin: opts.codeServer.origin,
    workspaceFolder: opts.codeServer.workspaceFolder,
    extensionDevelopmentPath: opts.extensionDevelopmentPath,
    extensionTestsPath: opts.extensionTestsPath,
  });

  const { context, page } = await openVsCode(opts.browser, url, {
    onAutomationExit: reportExit,
    onConsole: (message) => forwarder.push(message),
    onPageError: (error) => console.log(`[vscode page error] ${error.stack ?? error.message}`),
  }).catch(async (error: Error) => {
    await forwarder.drain();
    console.log(codeServerDiagnostics(opts.codeServer));
    throw new Error(`VS Code did not open: ${error.message}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), opts.timeoutMs)));
  try {
    const outcome = await Promise.race([exited, timedOut]);
    // Messages logged before the exit are still being read; print them all first.
    await forwarder.drain();
    if (outcome === 'timeout') {
      mkdirSync(opts.artifactsDir, { recursive: true });
      const screenshot = join(opts.artifactsDir, 'host-suite-timeout.png');
      await page.screenshot({ path: screenshot }).catch(() => undefined);
      console.log(codeServerDiagnostics(opts.codeServer));
      throw new Error(
        `The extension-host suite did not finish within ${Math.round(opts.timeoutMs / 1000)} s ` +
          `(screenshot: ${screenshot}). Its output so far is above.`,
      );
    }
    return { exitCode: outcome, passing: counts.passing, failing: counts.failing, seconds: (Date.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

function printLine(line: ConsoleLine): void {
  if (line.level === 'INFO' || line.level === 'log') console.log(line.text);
  else console.log(`[vscode ${line.level.toLowerCase()}] ${line.text}`);
}
