import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

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

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}
