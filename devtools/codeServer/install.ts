import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { requireInstallPrerequisites } from './prerequisites';
import { killGroupOnExit } from '../util/childProcess';
import { ensureNodeRuntime, toolsCacheDir, type NodeRuntime } from './nodeRuntime';
import { currentRelease, type CodeServerRelease } from './releases';
import { seedRipgrepCache } from './ripgrepCache';

export interface CodeServerInstall {
  /** The `code-server` launcher (a Node script run by the `node` on PATH). */
  binary: string;
  /** Its entry script: run it with `node.execPath`, the Node its native modules were built for. */
  entryScript: string;
  version: string;
  release: CodeServerRelease;
  node: NodeRuntime;
}

const MARKER = '.niamonx-install-complete';

/**
 * Files only a finished postinstall leaves behind: proof the native parts were built. Where
 * releases differ, any one of the alternatives will do (1.139 ships ripgrep prebuilt in
 * @vscode/ripgrep-universal and no longer packs node_modules.asar).
 */
const PROOF_OF_POSTINSTALL: ReadonlyArray<string | readonly string[]> = [
  'node_modules/code-server/out/node/entry.js',
  [
    'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
    `node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep-universal/bin/${process.platform}-${process.arch}/rg`,
  ],
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/extensions/node_modules',
];

/** The proofs missing in an install folder (each named by its first alternative). */
function missingProofs(dir: string): string[] {
  return PROOF_OF_POSTINSTALL.map((proof) => (typeof proof === 'string' ? [proof] : proof))
    .filter((alternatives) => !alternatives.some((file) => existsSync(join(dir, file))))
    .map((alternatives) => alternatives[0]);
}

function codeServerInstallDir(version: string): string {
  return process.env.NIAMONX_CODE_SERVER_DIR || join(toolsCacheDir(), `code-server-${version}`);
}

/**
 * Returns a complete code-server install from the cache, installing it first when missing.
 * The install happens in a sibling folder that is renamed into place only once it is
 * complete, so an interrupted install is never mistaken for a good one.
 */
export async function ensureCodeServer(release: CodeServerRelease = currentRelease()): Promise<CodeServerInstall> {
  const version = release.codeServer;
  const dir = codeServerInstallDir(version);
  const node = ensureNodeRuntime(release);
  const install = {
    binary: join(dir, 'node_modules', '.bin', 'code-server'),
    entryScript: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    version,
    release,
    node,
  };
  if (isComplete(dir, version)) return install;

  requireInstallPrerequisites();
  removeAbandonedInstalls(dir);
  const partial = `${dir}.partial-${process.pid}`;
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'niamonx-code-server-cache', private: true }, null, 2));
  const log = `${dir}-install.log`;
  console.log(`code-server: installing ${version} into ${dir} (takes about 90 s; log: ${log})`);
  console.log(`code-server: ${seedRipgrepCache()}`);
  const started = Date.now();
  await npmInstall(partial, version, node, log);

  const missing = missingProofs(partial);
  if (missing.length) {
    throw new Error(
      `code-server ${version} installed but its postinstall did not finish (missing: ${missing.join(', ')}). ` +
        `See ${log}; usually a native build failed: apt-get install build-essential python3 libkrb5-dev.`,
    );
  }
  writeFileSync(join(partial, MARKER), JSON.stringify({ version, node: node.version, installedAt: new Date().toISOString() }));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  console.log(`code-server: ${version} ready after ${Math.round((Date.now() - started) / 1000)} s`);
  return install;
}

/** Partial installs left by runs that were killed (their process is gone). */
function removeAbandonedInstalls(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(dir)}.partial-`;
  for (const name of readdirSync(parent)) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && !isRunning(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isComplete(dir: string, version: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { version?: string };
    return marker.version === version && missingProofs(dir).length === 0;
  } catch {
    return false;
  }
}

/** `npm install code-server@version` with its (and its nested installs') scripts allowed. */
function npmInstall(cwd: string, version: string, node: NodeRuntime, logPath: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // npm, its scripts and node-gyp all run the `node` first on PATH: the one code-server is built for.
    PATH: withNodeOnPath(node),
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    // npm 11 skips dependency install scripts by default; code-server's postinstall runs
    // nested `npm install`s (VS Code's native modules) that need theirs too, and only this
    // setting reaches those nested installs (through the environment).
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_ignore_scripts: 'false',
    // Build native modules locally instead of trying to download prebuilt binaries.
    npm_config_build_from_source: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
  };
  if (node.headersPrefix) env.npm_config_nodedir = node.headersPrefix;
  else console.log(`code-server: no Node headers next to ${node.execPath}; node-gyp will try to download them (needs internet).`);

  return new Promise((resolve, reject) => {
    const log = createWriteStream(logPath);
    const child = spawn('npm', ['install', '--foreground-scripts', '--no-package-lock', `code-server@${version}`], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own group, so Ctrl+C on us also ends npm and the native builds it started.
      detached: true,
    });
    const forgetOnExit = killGroupOnExit(child);
    let lastLine = '';
    const onData = (chunk: Buffer): void => {
      log.write(chunk);
      const lines = chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim());
      if (lines.length) lastLine = lines[lines.length - 1].trim();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const started = Date.now();
    const heartbeat = setInterval(() => {
      console.log(`code-server: still installing (${Math.round((Date.now() - started) / 1000)} s): ${lastLine.slice(0, 120)}`);
    }, 15_000);
    child.once('error', (error) => {
      clearInterval(heartbeat);
      forgetOnExit();
      log.end();
      reject(new Error(`Could not run npm to install code-server: ${error.message}. Is npm on PATH?`));
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      forgetOnExit();
      log.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`npm install code-server@${version} failed (${signal ?? `exit ${code}`}). Last lines of ${logPath}:\n${tail}`));
      });
    });
  });
}

/** PATH with the runtime's bin folder first. */
export function withNodeOnPath(node: NodeRuntime, path: string | undefined = process.env.PATH): string {
  return [node.binDir, ...(path ?? '').split(delimiter).filter((dir) => dir && dir !== node.binDir)].join(delimiter);
}
