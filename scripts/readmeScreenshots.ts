import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, PROJECT_ROOT } from '../devtools/projectPaths';

/**
 * `npm run screenshots`: runs the UI test that takes the README's pictures
 * (test/ui/readmePictures.test.ts: the packaged extension installed as a user installs it, the
 * bundled emulator as the API) in the newest tested VS Code, the one a new user has, then copies
 * them from test-artifacts/ to media/readme/ (committed; left out of the .vsix).
 * `--copy-only` skips the test run and copies what the last run left.
 */
const PICTURES = [
  'palette',
  'right-click',
  'sidebar',
  'results-panel',
  'theme-dark',
  'theme-high-contrast',
  'walkthrough',
  'german',
  'bulk-summary',
  'ulp-masked',
];
const SHOTS: { from: [suite: string, name: string]; to: string }[] = PICTURES.map((name) => ({
  from: ['readme-pictures', name],
  to: `${name}.png`,
}));

/** The UI suite (mocha title) that takes them. */
const SUITES = ['UI: README pictures'];

function main(): number {
  if (!process.argv.includes('--copy-only')) {
    const grep = SUITES.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'out', 'test', 'runner', 'runHostTests.js')], {
      stdio: 'inherit',
      env: { ...process.env, NIAMONX_VSCODE: 'newest', NIAMONX_HOST_GREP: '^$nothing', NIAMONX_UI_GREP: grep },
    });
    if (run.status !== 0) {
      console.error('The UI tests failed: no screenshot copied.');
      return 1;
    }
  }
  const target = join(PROJECT_ROOT, 'media', 'readme');
  mkdirSync(target, { recursive: true });
  const missing: string[] = [];
  for (const { from, to } of SHOTS) {
    const source = join(artifactsDir(from[0]), `${from[1]}.png`);
    if (!existsSync(source)) {
      missing.push(source);
      continue;
    }
    copyFileSync(source, join(target, to));
    console.log(`media/readme/${to} ← test-artifacts/${from[0]}/${from[1]}.png`);
  }
  if (missing.length) console.error(`Not found (did their tests run?):\n${missing.join('\n')}`);
  return missing.length ? 1 : 0;
}

process.exit(main());
