import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';
import { COMMAND_PURPOSES } from '../../../scripts/docs/commandPurposes';
import { currentSection, generated, readManifest, SECTIONS } from '../../../scripts/docs/manifestTables';

// The README's command and settings tables are generated from the manifest; this fails when
// someone adds a command or setting (or changes a title) without `npm run docs`.
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

  it('lists every command a user can reach, with what it does, and every setting', function () {
    const developmentOnly = ['niamonx.useEmulator'];
    for (const { command } of manifest.contributes.commands) {
      assert.ok(COMMAND_PURPOSES[command], `scripts/docs/commandPurposes.ts says what ${command} does`);
      if (!developmentOnly.includes(command)) assert.ok(currentSection(readme, 'commands')!.includes(`\`${command}\``), command);
    }
    assert.ok(!currentSection(readme, 'commands')!.includes('`niamonx.useEmulator`'), 'development-only commands are left out');
    for (const name of Object.keys(manifest.contributes.configuration.properties))
      assert.ok(currentSection(readme, 'settings')!.includes(`\`${name}\``), name);
  });
});
