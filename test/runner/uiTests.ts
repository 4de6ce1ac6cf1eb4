import { existsSync } from 'node:fs';
import Mocha from 'mocha';
import { testFiles } from '../util/testFiles';

export interface UiTestResult {
  passing: number;
  failing: number;
  pending: number;
}

/** Each UI test starts its own VS Code; a generous per-test timeout still ends a hung one. */
const UI_TEST_TIMEOUT_MS = 180_000;

/** Runs the compiled UI tests (out/test/ui/**\/*.test.js) with mocha in this process. */
export async function runUiTests(dir: string): Promise<UiTestResult> {
  const files = existsSync(dir) ? testFiles(dir) : [];
  if (!files.length) {
    console.log(`UI tests: none found in ${dir}`);
    return { passing: 0, failing: 0, pending: 0 };
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: UI_TEST_TIMEOUT_MS, slow: 30_000 });
  const grep = process.env.NIAMONX_UI_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({ passing: stats?.passes ?? 0, failing: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
    });
  });
}
