import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from '../../emulator/server';
import { PROJECT_ROOT } from '../projectPaths';
import { useVsCodeSession, UI_STEP_TIMEOUT_MS } from '../harness';

const VSCE = join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

function vsce(...args: string[]): string {
  return execFileSync(process.execPath, [VSCE, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? logFiles(path) : path.endsWith('.log') ? [path] : [];
  });
}

// Issue: the packaged .vsix installs into code-server and Ping on a selected 1.1.1.1 shows the
// emulator's answer in the "NiamonX" output channel.
describe('UI: the packaged .vsix', function () {
  this.timeout(240_000);
  let folder: string;
  let vsix: string;

  before(function () {
    folder = mkdtempSync(join(tmpdir(), 'niamonx-vsix-'));
    vsix = join(folder, 'niamonx-tools.vsix');
    vsce('package', '--no-dependencies', '--out', vsix);
  });

  const session = useVsCodeSession(() => ({
    suite: 'packaged-vsix',
    installVsix: vsix,
    keyInEnvironment: true,
    files: { 'resolver.log': 'Nov 26 09:00:00 resolver: upstream 1.1.1.1 answered SERVFAIL\n' },
  }));

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  it('contains only what runs', function () {
    const files = vsce('ls', '--no-dependencies').trim().split('\n').map((line) => line.trim());
    assert.ok(files.includes('dist/extension.js'), files.join(', '));
    assert.ok(files.includes('media/dist/results.js'), files.join(', '));
    const stray = files.filter((file) => /^(src|test|out|emulator|scripts|bench|node_modules)\/|\.map$|\.ts$/.test(file));
    assert.deepEqual(stray, []);
  });

  it('is installed (not loaded from the repo) and pings a selected 1.1.1.1 into the NiamonX output channel', async function () {
    const installed = readdirSync(session.codeServer.extensionsDir);
    assert.ok(installed.some((name) => name.startsWith('niamonx-community.niamonx-tools-')), installed.join(', '));

    await session.openFile('resolver.log');
    await session.selectFirst('1.1.1.1');
    await session.runCommand('NiamonX: Ping');
    const request = await session.emulator.waitForRequest((r) => r.tool === 'gl_ping', 20_000);
    assert.deepEqual(request.body, { ip: '1.1.1.1' });
    assert.equal(request.keyHash, hashKey(session.testKey), 'the key came from NIAMONX_API_KEY');

    await session.runCommand('NiamonX: Show Output');
    const output = session.page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'gl_ping 1.1.1.1 → OK' }).first();
    await output.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('output-channel');
    const shown = await output.innerText();
    assert.match(shown, /"ip":"1\.1\.1\.1"/, 'the answer is in the channel');

    const onDisk = logFiles(join(session.codeServer.userDataDir, 'logs'))
      .filter((file) => file.includes('niamonx-community.niamonx-tools'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    assert.match(onDisk, /gl_ping 1\.1\.1\.1 → OK HTTP 200/);
    assert.ok(!onDisk.includes(session.testKey), 'the key is never logged');
  });
});
