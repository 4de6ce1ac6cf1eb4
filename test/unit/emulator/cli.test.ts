import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const CLI = join(__dirname, '../../../emulator/cli.js');

/** Resolves with everything printed once `pattern` appears on stdout; rejects if the process exits first. */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code} before printing ${pattern}: ${text}`)));
  });
}

async function post(url: string, tool: string, key: string, body: unknown): Promise<number> {
  const response = await fetch(`${url}/${tool}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': key },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('emulator: CLI', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('starts with the given options and the key from the environment, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [CLI, '--port', '0', '--cooldown', '30', '--disable', 'breaches_search, ulp_search'], {
      env: { ...process.env, NIAMONX_EMULATOR_KEY: 'nx-cli-test-key' },
    });
    const output = await printed(child, /Press Ctrl\+C/);
    const url = /listening at (http:\/\/127\.0\.0\.1:\d+\/api\/v2)/.exec(output)?.[1];
    assert.ok(url, output);
    assert.match(output, /Demo API key: nx-cli-test-key/);
    assert.match(output, new RegExp(`"niamonx\\.apiBaseUrl" to "${url.replace(/[.]/g, '\\.')}"`));

    assert.equal(await post(url, 'gl_ping', 'nx-cli-test-key', { ip: '1.1.1.1' }), 200);
    assert.equal(await post(url, 'gl_ping', 'nx-cli-test-key', { ip: '1.1.1.1' }), 429, '--cooldown');
    assert.equal(await post(url, 'ulp_search', 'nx-cli-test-key', {}), 403, '--disable');
    assert.equal(await post(url, 'breaches_search', 'nx-cli-test-key', {}), 403, '--disable trims names');
    assert.equal(await post(url, 'breaches_s_v2', 'nx-demo-key-0000', { value: 'a' }), 401, 'the env key replaces the default');

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
  });

  it('rejects a malformed number with usage and exit code 1', async () => {
    child = spawn(process.execPath, [CLI, '--daily', 'lots'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'close'); // 'close' waits for stderr to be fully read
    assert.equal(code, 1);
    assert.match(stderr, /--daily must be a whole number, got "lots"/);
    assert.match(stderr, /Usage:/);
  });
});
