import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, PROJECT_ROOT } from '../devtools/projectPaths';

/**
 * `npm run screenshots`: runs the UI tests that photograph the real UI, then copies the named
 * screenshots from test-artifacts/ to media/readme/ (committed; left out of the .vsix).
 * `--copy-only` skips the test run and copies what the last run left.
 */
const SHOTS: { from: [suite: string, name: string]; to: string }[] = [
  { from: ['themes', 'palette'], to: 'palette.png' },
  { from: ['entry-points', '4-context-menu'], to: 'right-click.png' },
  { from: ['entry-points', '6-sidebar-tools'], to: 'sidebar.png' },
  { from: ['entry-points', '3-palette-ping-result'], to: 'results-panel.png' },
  { from: ['themes', 'theme-dark'], to: 'theme-dark.png' },
  { from: ['themes', 'theme-high-contrast-dark'], to: 'theme-high-contrast.png' },
  { from: ['packaged-vsix', 'walkthrough-steps-done'], to: 'walkthrough.png' },
  { from: ['locale-de', '3-result-de'], to: 'german.png' },
  { from: ['bulk', '2-bulk-summary'], to: 'bulk-summary.png' },
];

/** The UI suites (mocha titles) that take the screenshots above. */
const SUITES = [
  'palette, right-click and sidebar',
  'themes and icons',
  'the packaged .vsix',
  'German display language',
  'bulk ping from the editor context menu',
];

function main(): number {
  if (!process.argv.includes('--copy-only')) {
    const grep = SUITES.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'out', 'test', 'runner', 'runHostTests.js')], {
      stdio: 'inherit',
      env: { ...process.env, NIAMONX_HOST_GREP: '^$nothing', NIAMONX_UI_GREP: grep },
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
