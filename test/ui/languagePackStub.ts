import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../devtools/projectPaths';

/**
 * A language pack that translates nothing of VS Code itself but makes it resolve `languageId`
 * as its display language, offline. Without an installed pack VS Code falls back to English
 * (vscode.env.language stays "en") whatever `locale` says, and extensions get no bundle.
 * Returns the packaged .vsix and the `languagepacks.json` that code-server resolves the language
 * from (written before start: code-server only creates that file later, after the page was served).
 */
export function packLanguagePackStub(languageId: string): { vsix: string; languagePacksJson: string } {
  const folder = mkdtempSync(join(tmpdir(), `niamonx-language-pack-${languageId}-`));
  mkdirSync(join(folder, 'translations'));
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: `test-language-pack-${languageId}`,
      displayName: `Language pack stub ${languageId} (tests only)`,
      description: 'Selects the display language; translates nothing of VS Code itself.',
      publisher: 'niamonx-test',
      version: '0.0.1',
      license: 'MIT',
      repository: { type: 'git', url: 'https://example.invalid/none.git' },
      engines: { vscode: '^1.100.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [{ languageId, languageName: languageId, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    }),
  );
  writeFileSync(join(folder, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(folder, 'README.md'), '# Language pack stub for tests\n');
  const vsix = join(folder, `language-pack-${languageId}.vsix`);
  const vsce = join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', vsix], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const languagePacks = {
    [languageId]: {
      hash: `stub-${languageId}`,
      extensions: [{ extensionIdentifier: { id: `niamonx-test.test-language-pack-${languageId}` }, version: '0.0.1' }],
      translations: { vscode: join(folder, 'translations', 'main.i18n.json') },
      label: languageId,
    },
  };
  return { vsix, languagePacksJson: JSON.stringify(languagePacks) };
}

/**
 * For a suite: packs the stub before its session starts (call this before useVsCodeSession) and
 * removes it after; returns the session options that make VS Code speak `languageId`.
 */
export function useLanguagePackStub(
  languageId: string,
): () => { alsoInstall: string[]; locale: { language: string; languagePacksJson: string } } {
  let pack: ReturnType<typeof packLanguagePackStub> | undefined;
  before(function () {
    pack = packLanguagePackStub(languageId);
  });
  after(function () {
    if (pack) rmSync(dirname(pack.vsix), { recursive: true, force: true });
  });
  return () => ({ alsoInstall: [pack!.vsix], locale: { language: languageId, languagePacksJson: pack!.languagePacksJson } });
}
