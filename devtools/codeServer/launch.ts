import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { killGroupOnExit, killProcessGroup, run } from '../util/childProcess';
import { freePort } from '../util/freePort';
import { waitFor } from '../util/waitFor';
import { ensureCodeServer, withNodeOnPath } from './install';
import type { CodeServerRelease } from './releases';

export interface LaunchOptions {
  /** Extra environment for code-server; its extension host inherits it. A function gets the folders first. */
  env?: Record<string, string> | ((folders: { userDataDir: string; extensionsDir: string }) => Record<string, string>);
  /** Written to `<user-data-dir>/User/settings.json` before start. */
  userSettings?: object;
  workspaceFolder: string;
  /** Defaults to a fresh temp folder. */
  extensionsDir?: string;
  /** A .vsix installed with `--install-extension` before start. */
  installVsix?: string;
  /** More .vsix files installed the same way (e.g. a language pack). */
  alsoInstall?: string[];
  /** Files written below `<user-data-dir>` before start (relative path → text), e.g. `User/argv.json`. */
  userDataFiles?: Record<string, string>;
  /** Preferred port; a free one is picked when it is taken or not given. */
  port?: number;
  /**
   * The window runs an extension test suite (extensionTestsPath in the URL): turns on the
   * smoke-test driver where the release needs it for that (see CodeServerRelease).
   */
  runsExtensionTests?: boolean;
  /** Called with every line code-server prints (its own log and its extension host's stdout). */
  onOutput?: (line: string) => void;
}

export interface CodeServer {
  /** Which code-server (and so VS Code) this is. */
  release: CodeServerRelease;
  /** Opens the workspace folder, e.g. http://127.0.0.1:41234/?folder=/tmp/ws */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspaceFolder: string;
  /** The newest session folder under `<user-data-dir>/logs` (extension host logs live below it). */
  logsDir(): string;
  /** The last lines code-server printed, for diagnostics. */
  recentOutput(): string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT_LINES = 200;

/** Starts code-server on 127.0.0.1 with throwaway user data, and waits until it answers. */
export async function launchCodeServer(opts: LaunchOptions): Promise<CodeServer> {
  const { entryScript, node, release } = await ensureCodeServer();
  const folders = await prepareFolders(opts);
  const { root, userDataDir, extensionsDir, port } = folders;
  const common = ['--config', folders.configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const extraEnv = typeof opts.env === 'function' ? opts.env({ userDataDir, extensionsDir }) : opts.env;
  // code-server keeps its own logs and heartbeat under $XDG_DATA_HOME/code-server: keep them in the temp folder too.
  // Its Node first on PATH: the extension host, terminals and tasks it starts run that `node` too.
  const env = { ...process.env, PATH: withNodeOnPath(node), XDG_DATA_HOME: join(root, 'data'), ...offlineEnvironment(), ...extraEnv };
  const install = (vsix: string) => run(node.execPath, [entryScript, ...common, '--force', '--install-extension', vsix], { env });
  await installExtensions([opts.installVsix, ...(opts.alsoInstall ?? [])], install, root);

  const smokeTestDriver = release.needsSmokeTestDriver && opts.runsExtensionTests;
  const child = spawn(
    node.execPath,
    [entryScript, ...common, ...serverArguments(port), ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])],
    // Own process group, so stop() also ends the extension hosts and watchers it starts.
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = watchOutput(child, opts.onOutput);
  const stop = stopper(child, root);

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`code-server on ${origin}/healthz`, () => isHealthy(origin), {
      timeoutMs: STARTUP_TIMEOUT_MS,
      abort: output.exitReason,
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nLast output of code-server:\n${output.recent()}`, { cause: error });
  }

  return {
    release,
    url: `${origin}/?folder=${encodeURIComponent(opts.workspaceFolder)}`,
    origin,
    port,
    userDataDir,
    extensionsDir,
    workspaceFolder: opts.workspaceFolder,
    logsDir: () => newestSubfolder(join(userDataDir, 'logs')),
    recentOutput: output.recent,
    stop,
  };
}

interface Folders {
  /** The temp folder holding all the others (unless the extensions folder was given). */
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  port: number;
}

/** The throwaway user data (settings and the files asked for), the extensions folder, a free port and code-server's config. */
async function prepareFolders(opts: LaunchOptions): Promise<Folders> {
  const root = mkdtempSync(join(tmpdir(), 'niamonx-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(opts.userSettings ?? {}, null, 2));
  for (const [path, text] of Object.entries(opts.userDataFiles ?? {})) writeFileSync(join(userDataDir, path), text);
  const port = await freePort(opts.port ?? 0);
  // Our own config file, so code-server neither reads nor writes ~/.config/code-server.
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return { root, userDataDir, extensionsDir, configFile, port };
}

/** Installs each given .vsix in turn; on a failure the temp folder goes and the error is thrown. */
async function installExtensions(files: (string | undefined)[], install: (vsix: string) => Promise<unknown>, root: string): Promise<void> {
  for (const vsix of files.filter((file): file is string => !!file)) {
    console.log(`code-server: installing ${vsix}`);
    try {
      await install(vsix);
    } catch (error) {
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }
}

/** No auth, local only, nothing that phones home or shows a first-run page. */
function serverArguments(port: number): string[] {
  return [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
}

/** Keeps the last lines code-server prints (passing each on), and why it ended if it did. */
function watchOutput(
  child: ChildProcessByStdio<null, Readable, Readable>,
  onOutput: ((line: string) => void) | undefined,
): { recent(): string; exitReason(): string | undefined } {
  const recent: string[] = [];
  const onText = splitLines((line) => {
    recent.push(line);
    if (recent.length > KEPT_OUTPUT_LINES) recent.shift();
    onOutput?.(line);
  });
  child.stdout.on('data', onText);
  child.stderr.on('data', onText);
  let exitReason: string | undefined;
  child.once('exit', (code, signal) => (exitReason = `code-server exited (${signal ?? `code ${code}`})`));
  child.once('error', (error) => (exitReason = `code-server could not start: ${error.message}`));
  return { recent: () => recent.join('\n'), exitReason: () => exitReason };
}

/** stop(): ends code-server's process group and removes the temp folder, once; both also happen if this process exits first. */
function stopper(child: ChildProcess, root: string): () => Promise<void> {
  const removeTemp = (): void => {
    if (process.env.NIAMONX_KEEP_TEMP === '1') console.log(`code-server: kept ${root} (NIAMONX_KEEP_TEMP=1)`);
    else rmSync(root, { recursive: true, force: true });
  };
  const forgetOnExit = killGroupOnExit(child, removeTemp);
  let stopped: Promise<void> | undefined;
  return () =>
    (stopped ??= (async () => {
      await killProcessGroup(child);
      forgetOnExit();
      removeTemp();
    })());
}

/** Keeps the server side from reaching out: no extension gallery (code-server's default is open-vsx.org). */
function offlineEnvironment(): Record<string, string> {
  return { EXTENSIONS_GALLERY: '{}' };
}

async function isHealthy(origin: string): Promise<true | undefined> {
  try {
    const response = await fetch(`${origin}/healthz`);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

function splitLines(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line.replace(/\r$/, ''));
  };
}

function newestSubfolder(dir: string): string {
  if (!existsSync(dir)) return dir;
  const folders = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return folders[0] ?? dir;
}
