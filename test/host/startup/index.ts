import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point (extensionTestsPath) of a window of its own: nothing in it may activate the
 * extension before `startup.test.ts` has looked, so it runs apart from test/host/suites.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(join(__dirname, 'startup.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`start-up suite: ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} start-up test(s) failed`));
      else resolve();
    });
  });
}
