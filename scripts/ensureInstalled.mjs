// Runs before `npm start` and `npm test`: on a fresh clone (or after package-lock.json
// changed) install the locked dependencies first, so those two commands are all the set-up.
// Plain JavaScript on purpose: it runs before anything can be built.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs;
if (stale) {
  console.log('Installing the locked dependencies (npm ci)…');
  execSync('npm ci', { stdio: 'inherit' });
}
