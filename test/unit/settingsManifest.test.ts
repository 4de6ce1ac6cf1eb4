import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { USER_TOOLS_JSON_SCHEMA } from '../../src/core/catalog/userToolsJsonSchema';
import { readSettings, settingsSchema } from '../../src/core/settings';

// package.json's `contributes.configuration` and src/core/settings.ts describe the same settings:
// what the Settings UI offers must be what the extension accepts, with the same defaults.

interface ManifestSetting {
  type?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ManifestSetting> } };
};
const manifestSettings = manifest.contributes.configuration.properties;
const rules = z.toJSONSchema(settingsSchema(), { io: 'input', unrepresentable: 'any' }).properties as Record<string, ManifestSetting>;

/** `niamonx.history.maxEntries` is read as `historyMaxEntries`. */
function settingsKey(manifestName: string): string {
  return manifestName.replace(/^niamonx\./, '').replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase());
}

describe('settings: package.json and src/core/settings.ts agree', () => {
  it('every niamonx.* setting in the manifest is read by readSettings, and every one read is in the manifest', () => {
    const fromManifest = Object.keys(manifestSettings).map(settingsKey).sort();
    assert.deepEqual(fromManifest, Object.keys(rules).sort());
  });

  for (const [name, declared] of Object.entries(manifestSettings)) {
    it(`${name}: same default, type, enum and bounds`, () => {
      const rule = rules[settingsKey(name)];
      assert.ok(rule, `${name} is not in settingsSchema`);
      assert.deepEqual(declared.default, rule.default, 'default');
      if (rule.type) assert.equal(declared.type, rule.type, 'type');
      assert.deepEqual(declared.enum, rule.enum, 'enum');
      assert.equal(declared.minimum, rule.minimum, 'minimum');
      assert.equal(declared.maximum, rule.maximum, 'maximum');
    });
  }

  it('an unset setting reads as the manifest default', () => {
    const settings = readSettings(() => undefined) as Record<string, unknown>;
    for (const [name, declared] of Object.entries(manifestSettings)) assert.deepEqual(settings[settingsKey(name)], declared.default, name);
  });

  it('niamonx.tools in the manifest is USER_TOOLS_JSON_SCHEMA, which mirrors the zod entry schema', () => {
    // The manifest's texts are %keys% of package.nls.json (localised); compare them in English.
    const english = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8')) as Record<string, string>;
    const resolved = JSON.parse(JSON.stringify(manifestSettings['niamonx.tools']), (_key, value: unknown) =>
      typeof value === 'string' && /^%[\w.]+%$/.test(value) ? (english[value.slice(1, -1)] ?? value) : value,
    ) as unknown;
    assert.deepEqual(resolved, JSON.parse(JSON.stringify(USER_TOOLS_JSON_SCHEMA)));
  });
});
