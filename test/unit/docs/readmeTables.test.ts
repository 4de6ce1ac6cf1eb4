import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../projectPaths';
import { currentSection, generated, readManifest, SECTIONS } from '../../../scripts/docs/manifestTables';

// Issue: the README's command and settings tables are generated from the manifest; this fails
// when someone adds a command or setting (or changes a title) without `npm run docs`.
describe('README tables', function () {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const manifest = readManifest(PROJECT_ROOT);

  for (const section of SECTIONS) {
    it(`the ${section} table matches package.json (fix: npm run docs)`, function () {
      const shown = currentSection(readme, section);
      assert.ok(shown !== undefined, `README.md lacks the ${section} markers`);
      assert.equal(shown, generated(manifest, section));
    });
  }

  it('lists every contributed command and setting', function () {
    for (const { command } of manifest.contributes.commands)
      assert.ok(currentSection(readme, 'commands')!.includes(`\`${command}\``), command);
    for (const name of Object.keys(manifest.contributes.configuration.properties))
      assert.ok(currentSection(readme, 'settings')!.includes(`\`${name}\``), name);
  });
});
