import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What code-server's nested @vscode/ripgrep postinstall looks for before it downloads.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
export const SYSTEM_RIPGREP = '/usr/bin/rg';

/**
 * Puts the system's ripgrep where @vscode/ripgrep's postinstall finds a "cached download",
 * so installing code-server never fetches the binary from GitHub.
 */
export function seedRipgrepCache(): string {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = join(cacheDir, RIPGREP_ASSET);
  if (existsSync(archive)) return `ripgrep already cached at ${archive}`;
  if (process.arch !== 'x64' || process.platform !== 'linux') {
    throw new Error(`Offline ripgrep seeding only knows linux-x64 (this is ${process.platform}-${process.arch}).`);
  }
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'niamonx-rg-'));
  try {
    copyFileSync(SYSTEM_RIPGREP, join(staging, 'rg'));
    const tar = spawnSync('tar', ['czf', `${archive}.tmp`, '-C', staging, 'rg'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`tar failed while caching ripgrep: ${tar.stderr || tar.error?.message}`);
    // Rename last, so a half-written archive is never taken for a cached download.
    renameSync(`${archive}.tmp`, archive);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return `cached ${SYSTEM_RIPGREP} as ${archive}`;
}
