import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../projectPaths';

/**
 * A new extensions folder (the caller removes it) holding copies of `folders`, named as VS Code
 * names installed extensions, and with `withProject` this repository's running parts as the
 * installed NiamonX Tools.
 */
export function installedExtensionsDir(folders: string[], withProject = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'niamonx-extensions-'));
  for (const folder of folders) cpSync(folder, join(dir, installedName(folder)), { recursive: true });
  if (withProject) copyRunningParts(PROJECT_ROOT, join(dir, installedName(PROJECT_ROOT)));
  return dir;
}

/**
 * What of this repository runs (the build, media, manifest, translations), copied rather than
 * linked: VS Code 1.139 serves no webview resource from a linked extension folder.
 */
function copyRunningParts(root: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(root)) {
    if (
      ['dist', 'media', 'l10n'].includes(name) ||
      /^package(?:\.nls(?:\.[\w-]+)?)?\.json$/.test(name) ||
      ['README.md', 'LICENSE'].includes(name)
    ) {
      cpSync(join(root, name), join(target, name), { recursive: true });
    }
  }
}

function installedName(folder: string): string {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}
