// Builds everything the project runs:
//  - dist/extensionMain.js: the extension bundle (cjs, node, `vscode` external);
//  - dist/extension.js: what VS Code loads, a small loader that runs the bundle with V8's code cache;
//  - dist/mcp.js: the MCP server (`node dist/mcp.js`), the only bundle with the MCP SDK;
//  - media/dist/: the results webview script and its third-party assets;
//  - out/: tests, the emulator, scripts and benchmarks, transpiled file by file
//    (types are checked separately by `tsc --noEmit`), and the benchmarks bundled.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--outfile=<path>`: only the extension bundle, written there (the bundle-size test and `npm run bench`). */
const outfile = process.argv.find((arg) => arg.startsWith('--outfile='))?.slice('--outfile='.length);
/** `--map`: a production bundle still gets dist/extensionMain.js.map, not referenced from the bundle (`npm run bench:host` reads profiles with it). */
const externalMap = production && process.argv.includes('--map');

/** Every .ts file below the given folders (tests, emulator, scripts, benchmarks, core). */
function tsFilesBelow(...dirs) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of dirs) {
    try {
      walk(dir);
    } catch {
      /* folder not there yet */
    }
  }
  return files;
}

const VSCODE_ONCE = 'vscode-once';

/**
 * `import * as vscode from 'vscode'` in a cjs bundle becomes `__toESM(require('vscode'))` in
 * every importing module: a copy of the whole API object each, a third of the module's load
 * time. `import vscode = require('vscode')` is the same binding for TypeScript, and esbuild
 * emits a plain `require` for it; and all of them go through one module that requires `vscode`.
 */
const plainVsCodeRequire = {
  name: 'plain-vscode-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return { contents: source.replace(/^import \* as vscode from 'vscode';$/m, "import vscode = require('vscode');"), loader: 'ts' };
    });
    // Every require('vscode') costs VS Code a search of its extension paths for the caller's
    // (~0.1 ms, 6 ms for the 50-odd importing modules): one module asks once, the rest share its answer.
    build.onResolve({ filter: /^vscode$/ }, ({ importer }) =>
      importer === VSCODE_ONCE ? { path: 'vscode', external: true } : { path: VSCODE_ONCE, namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "module.exports = require('vscode');", loader: 'js' }));
  },
};

const extension = {
  entryPoints: ['src/extension.ts'],
  plugins: [plainVsCodeRequire],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: outfile ?? 'dist/extensionMain.js',
  external: ['vscode'],
  minify: production,
  sourcemap: externalMap ? 'external' : !production,
  sourcesContent: false,
  logLevel: 'warning',
};

/** package.json's main: loads dist/extensionMain.js with V8's code cache (src/loader/). */
const loader = {
  entryPoints: ['src/loader/extensionLoader.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

/**
 * What the MCP server takes from the manifest: its version, and the language-model tools (names,
 * titles, descriptions, input schemas), so that package.json stays their one source.
 */
function mcpDefines() {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const tools = manifest.contributes.languageModelTools.map((tool) => ({
    name: tool.name,
    title: nls[tool.displayName.replace(/^%|%$/g, '')] ?? tool.name,
    modelDescription: tool.modelDescription,
    inputSchema: tool.inputSchema,
  }));
  return { NIAMONX_VERSION: JSON.stringify(manifest.version), NIAMONX_LANGUAGE_MODEL_TOOLS: JSON.stringify(tools) };
}

const mcpServer = {
  entryPoints: ['src/mcp/main.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/mcp.js',
  define: mcpDefines(),
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const webview = {
  entryPoints: tsFilesBelow('src/webview').filter((f) => !f.includes('.test.')),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outdir: 'media/dist',
  minify: production,
  sourcemap: false,
  logLevel: 'warning',
};

const nodeSide = {
  entryPoints: tsFilesBelow('src', 'test', 'devtools', 'emulator', 'scripts', 'bench'),
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'out',
  outbase: '.',
  define: mcpServer.define,
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * `npm run bench` runs this bundle, not out/bench/index.js: a file-by-file build reaches every
 * imported function through a getter, a cost the shipped (bundled) extension does not pay.
 */
const benchBundle = {
  entryPoints: ['bench/index.ts'],
  bundle: true,
  packages: 'external',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'out/bench/index.bundle.js',
  sourcemap: true,
  logLevel: 'warning',
};

function copyWebviewAssets() {
  mkdirSync('media/dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    cpSync(join('node_modules/@vscode/codicons/dist', file), join('media/dist/codicons', file));
  }
}

const builds = [extension];
if (!outfile) builds.push(loader, mcpServer);
if (webview.entryPoints.length && !outfile) builds.push(webview);
if (!production && !outfile) builds.push(nodeSide, benchBundle);

/** Prints what the `$esbuild-watch` problem matcher (.vscode/tasks.json) waits for. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

if (!outfile) copyWebviewAssets();
if (watch) {
  for (const options of builds) await (await esbuild.context({ ...options, plugins: [...(options.plugins ?? []), watchReporter] })).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
