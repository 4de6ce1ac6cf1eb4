import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USER_ONLY_SETTINGS } from '../../../src/core/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));

/** The manifest's share of the security promises (README, "Security"). */
describe('package.json security settings', () => {
  it("prefers running on the user's machine (ui), with the remote as fallback", () => {
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('limits untrusted workspaces: workspace tools and anything URL-like are restricted', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    for (const setting of ['niamonx.tools', 'niamonx.apiBaseUrl']) assert.ok(untrusted.restrictedConfigurations.includes(setting), setting);
    const properties = manifest.contributes.configuration.properties;
    const urlLike = Object.keys(properties).filter((name) => /url|host|endpoint|proxy|tools$/i.test(name));
    for (const setting of urlLike)
      assert.ok(untrusted.restrictedConfigurations.includes(setting), `${setting} is URL-like and must be restricted`);
  });

  it('restricts exactly the settings the code reads from user settings only, plus niamonx.tools', () => {
    const restricted = [...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort();
    assert.deepEqual(restricted, ['niamonx.tools', ...USER_ONLY_SETTINGS.map((name) => `niamonx.${name}`)].sort());
    for (const name of USER_ONLY_SETTINGS) assert.ok(manifest.contributes.configuration.properties[`niamonx.${name}`], name);
  });

  it('keeps the base URL application-scoped, so no workspace can set it', () => {
    assert.equal(manifest.contributes.configuration.properties['niamonx.apiBaseUrl'].scope, 'application');
  });

  it('offers "Try the Emulator" only when running from source', () => {
    const palette = manifest.contributes.menus.commandPalette.find((entry: { command: string }) => entry.command === 'niamonx.useEmulator');
    assert.equal(palette?.when, 'niamonx.devMode');
    for (const welcome of manifest.contributes.viewsWelcome.filter((entry: { contents: string }) =>
      entry.contents.includes('niamonx.useEmulator'),
    )) {
      assert.match(welcome.when, /niamonx\.devMode/);
    }
    for (const [menu, entries] of Object.entries(manifest.contributes.menus as Record<string, { command?: string; when?: string }[]>)) {
      for (const entry of entries.filter((e) => e.command === 'niamonx.useEmulator'))
        assert.match(entry.when ?? '', /niamonx\.devMode/, menu);
    }
  });
});
