import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { checkL10n, describeProblems, extractRuntimeStrings } from './l10nCheck';

/**
 * `npm run l10n`: writes every `l10n.t` string of src/ into l10n/bundle.l10n.json (the English
 * bundle), then lists what the translations still lack. Exits 1 while anything is missing, so a
 * merge that added strings shows exactly which ones to translate.
 */
async function main(): Promise<number> {
  const strings = await extractRuntimeStrings(PROJECT_ROOT);
  const sorted = Object.fromEntries(Object.entries(strings).sort(([a], [b]) => a.localeCompare(b, 'en')));
  writeFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings`);
  const problems = describeProblems(await checkL10n(PROJECT_ROOT));
  if (!problems.length) {
    console.log('Every string is translated.');
    return 0;
  }
  console.log(problems.join('\n'));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
