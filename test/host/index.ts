import { join } from 'node:path';
import Mocha from 'mocha';
import { testFiles } from '../util/testFiles';

/** Entry point VS Code calls inside the extension host (extensionTestsPath). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.NIAMONX_HOST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(join(__dirname, 'suites'))) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`host suite: ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
