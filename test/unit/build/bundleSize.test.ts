import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** The goal from the issue: every user downloads and loads this at activation. */
const MAX_BUNDLE_BYTES = 250 * 1024;

describe('the extension bundle', () => {
  it(`stays at most ${MAX_BUNDLE_BYTES / 1024} KB minified (zod/mini, not the full zod with its locales)`, async function () {
    this.timeout(60_000);
    // The same options as `node esbuild.mjs --production`, built in memory.
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/extension.ts'],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode'],
      minify: true,
      write: false,
      outfile: 'dist/extension.js',
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0].contents.byteLength;
    assert.ok(bytes <= MAX_BUNDLE_BYTES, `dist/extension.js would be ${(bytes / 1024).toFixed(0)} KB`);
  });
});
