import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRefusal, MAX_WHOLE_READ_BYTES, openRegularFile, wholeReadRefusal } from '../../../src/core/bulk/regularFile';

/** Bulk runs read regular files only: a device is endless, a FIFO blocks a thread no cancel frees. */
describe('openRegularFile (what Ping All IPs in File agrees to read)', function () {
  // A FIFO opened the ordinary way would hang here for good; the right code answers in milliseconds.
  this.timeout(5000);
  const posix = process.platform !== 'win32';
  let dir: string;
  let server: Server | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'niamonx-regular-'));
  });
  after(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a regular file, directly or through a link, with its size', async () => {
    const file = join(dir, 'log.txt');
    writeFileSync(file, '8.8.8.8\n');
    symlinkSync(file, join(dir, 'link.txt'));
    for (const path of [file, join(dir, 'link.txt')]) {
      const opened = await openRegularFile(path);
      assert.ok(!isRefusal(opened), path);
      assert.equal(opened.size, 8);
      await opened.handle.close();
    }
  });

  it('refuses a folder and a missing path', async () => {
    assert.deepEqual(await openRegularFile(dir), { kind: 'folder' });
    assert.deepEqual(await openRegularFile(join(dir, 'nothing-here')), { kind: 'missing' });
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
    assert.deepEqual(await openRegularFile(join(dir, 'dangling')), { kind: 'missing', linkTarget: join(dir, 'gone') });
  });

  it('refuses a link to /dev/zero and says where it points', async function () {
    if (!posix) this.skip();
    symlinkSync('/dev/zero', join(dir, 'zero.log'));
    assert.deepEqual(await openRegularFile(join(dir, 'zero.log')), { kind: 'device', linkTarget: '/dev/zero' });
    assert.deepEqual(await openRegularFile('/dev/zero'), { kind: 'device' });
  });

  it('refuses a FIFO without waiting for a writer, directly and through a link', async function () {
    if (!posix) this.skip();
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, join(dir, 'pipe-link.log'));
    assert.deepEqual(await openRegularFile(fifo), { kind: 'fifo' });
    assert.deepEqual(await openRegularFile(join(dir, 'pipe-link.log')), { kind: 'fifo', linkTarget: fifo });
  });

  it('refuses a socket', async function () {
    if (!posix) this.skip();
    const socket = join(dir, 'app.sock');
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(socket, resolve));
    assert.deepEqual(await openRegularFile(socket), { kind: 'socket' });
  });

  it('caps files read whole (not on this computer) at a named size, and reads only files', () => {
    assert.equal(MAX_WHOLE_READ_BYTES, 64 * 1024 * 1024);
    assert.equal(wholeReadRefusal({ isFile: true, isFolder: false, size: MAX_WHOLE_READ_BYTES }), undefined);
    assert.equal(wholeReadRefusal({ isFile: true, isFolder: false, size: MAX_WHOLE_READ_BYTES + 1 }), 'too-large');
    assert.deepEqual(wholeReadRefusal({ isFile: false, isFolder: true, size: 0 }), { kind: 'folder' });
    assert.deepEqual(wholeReadRefusal({ isFile: false, isFolder: false, size: 0 }), { kind: 'other' });
  });
});
