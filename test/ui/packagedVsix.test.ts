import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from '../../emulator/server';
import { PROJECT_ROOT } from '../../devtools/projectPaths';
import { useVsCodeSession, UI_STEP_TIMEOUT_MS } from '../harness';
import { walkthroughSteps } from './walkthroughSteps';

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

// The packaged .vsix installs into code-server and Ping on a selected 1.1.1.1 shows the
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
    // Another extension in the same extension host, doing what a hostile one would.
    moreExtensions: [join(PROJECT_ROOT, 'test', 'fixtures', 'exportsProbe')],
    files: { 'resolver.log': 'Nov 26 09:00:00 resolver: upstream 1.1.1.1 answered SERVFAIL\n' },
  }));

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  it('contains only what runs', function () {
    const files = vsce('ls', '--no-dependencies')
      .trim()
      .split('\n')
      .map((line) => line.trim());
    assert.ok(files.includes('dist/extension.js'), files.join(', '));
    assert.ok(files.includes('dist/mcp.js'), `the MCP server ships: ${files.join(', ')}`);
    assert.ok(files.includes('media/dist/results.js'), files.join(', '));
    assert.ok(files.includes('package.nls.de.json') && files.includes('l10n/bundle.l10n.de.json'), 'the German translation ships');
    const stray = files.filter((file) =>
      /^(?:src|test|out|emulator|scripts|bench|webview-ui|node_modules|\.vscode|media\/readme)\/|\.map$|\.ts$/.test(file),
    );
    assert.deepEqual(stray, []);
  });

  it('exports runTool and listTools only: no SecretStorage, globalState or ExtensionContext is reachable', async function () {
    await session.runCommand('NiamonX Test: Probe the NiamonX Exports');
    const shown = session.workbench.notification(/exports-probe:/);
    await shown.waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const text = await shown.innerText();
    assert.match(text, /exports-probe: keys=listTools,runTool; reached=nothing/, text);
  });

  it('another extension cannot swap the key through niamonx.setApiKey: the user is asked instead', async function () {
    await session.runCommand('NiamonX Test: Plant a Key through the Command');
    const box = session.page.locator('.quick-input-widget', { hasText: 'NiamonX: Set API Key' });
    await box.waitFor({ state: 'visible', timeout: UI_STEP_TIMEOUT_MS });
    await session.page.keyboard.press('Escape');
    await session.workbench.notification(/plant-key: not saved/).waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    // The ping below checks that the request still carries the user's own key.
  });

  it('is installed (not loaded from the repo) and pings a selected 1.1.1.1 into the NiamonX output channel', async function () {
    const installed = readdirSync(session.codeServer.extensionsDir);
    assert.ok(
      installed.some((name) => name.startsWith('niamonx-community.niamonx-tools-')),
      installed.join(', '),
    );

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
    // Newer VS Codes wrap long output lines, and innerText breaks at every wrap: join them again.
    const shown = (await output.innerText()).replace(/\n/g, '');
    assert.match(shown, /"ip":"1\.1\.1\.1"/, 'the answer is in the channel');

    const onDisk = logFiles(join(session.codeServer.userDataDir, 'logs'))
      .filter((file) => file.includes('niamonx-community.niamonx-tools'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    assert.match(onDisk, /gl_ping 1\.1\.1\.1 → OK HTTP 200/);
    assert.ok(!onDisk.includes(session.testKey), 'the key is never logged');
  });

  // A newcomer who installed the .vsix finds the walkthrough and can follow it.
  it('opens the Get Started walkthrough with its six steps, and its Set API Key and Ping steps complete when done', async function () {
    // Room for the walkthrough (and a clear screenshot of it): no other editors, no panel.
    await session.runCommand('View: Close All Editors');
    await session.runCommand('View: Hide Panel');
    await session.runCommand('Welcome: Open Walkthrough...');
    await session.workbench.pickQuickInputItem('Get Started with NiamonX Tools');
    const walkthrough = walkthroughSteps(session);
    const page = walkthrough.page;
    await page
      .locator('.getting-started-category-title, h2', { hasText: 'Get Started with NiamonX Tools' })
      .first()
      .waitFor({ timeout: UI_STEP_TIMEOUT_MS });
    const steps = page.locator('.getting-started-step');
    const titles = (await steps.locator('.step-title').allInnerTexts()).map((title) => title.trim());
    assert.deepEqual(titles, [
      'Get your API key',
      'Set API Key',
      'Select an IP and Ping',
      'Explore the tools',
      'Bulk-check a log',
      'Ask the AI agent',
    ]);
    await session.screenshot('walkthrough');

    // Each step completes on the real event: its own button runs the command (the key is stored,
    // 1.1.1.1 is pinged), and the step's check mark follows.
    await walkthrough.setKey();
    const before = session.emulator.requests.length;
    await walkthrough.startPing('1.1.1.1');
    await session.emulator.waitForRequest((r) => r.tool === 'gl_ping' && session.emulator.requests.indexOf(r) >= before, 20_000);
    await walkthrough.checked('ping');
    await session.workbench.notification('NiamonX Ping').waitFor({ state: 'hidden', timeout: UI_STEP_TIMEOUT_MS });
    await session.screenshot('walkthrough-steps-done');
  });
});
