import * as assert from 'node:assert/strict';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';
import { checkL10n, describeProblems, extractRuntimeStrings, webviewTexts } from '../../../scripts/l10n/l10nCheck';

// Every user-facing string is translated; a string added without its German text (or a
// bundle not re-extracted after a merge) fails here with the list of what is missing.
describe('l10n bundles', function () {
  this.timeout(30_000);

  it('hold every l10n.t string of src/, the manifest %keys% and the walkthrough, in English and German', async function () {
    const problems = describeProblems(await checkL10n(PROJECT_ROOT));
    assert.deepEqual(problems, [], `\n${problems.join('\n')}\n(fix: npm run l10n, then translate what it lists)`);
  });

  it('cover a real set of strings (the extraction itself works)', async function () {
    const strings = Object.keys(await extractRuntimeStrings(PROJECT_ROOT));
    assert.ok(strings.includes('NiamonX: API key saved in secret storage.'), 'a known string is found');
    assert.ok(strings.length > 50, `${strings.length} strings`);
    assert.ok(webviewTexts(PROJECT_ROOT).includes('Copy JSON'), 'the results page texts are found');
  });
});
