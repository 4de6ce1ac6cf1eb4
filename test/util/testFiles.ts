import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every compiled test file (*.test.js) below `dir`, sorted so runs are in a stable order. */
export function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}
