import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../projectPaths';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'workspace');

/** Used when the repo has no test/fixtures/workspace: text the extension can find targets in. */
const DEFAULT_FILES: Record<string, string> = {
  'access.log': [
    '203.0.113.7 - - [26/Nov/2026:09:00:01 +0000] "GET / HTTP/1.1" 200 512',
    '77.88.55.23 - - [26/Nov/2026:09:00:02 +0000] "POST /login HTTP/1.1" 401 87',
    '2001:db8::42 - - [26/Nov/2026:09:00:03 +0000] "GET /health HTTP/1.1" 200 2',
    '77.88.55.200 - - [26/Nov/2026:09:00:04 +0000] "GET /admin HTTP/1.1" 403 0',
    '',
  ].join('\n'),
  'contacts.txt': 'alice@example.com\nbob@example.org\nsupport@example.net\n',
  'domains.txt': 'example.com\nexample.org\n',
};

/**
 * A throwaway workspace folder: a copy of test/fixtures/workspace when it exists, otherwise
 * a few sample files (logs with IPs, e-mail addresses, domains), plus any `files` given.
 */
export function createTestWorkspace(files: Record<string, string> = {}): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'niamonx-workspace-'));
  if (existsSync(FIXTURES)) cpSync(FIXTURES, folder, { recursive: true });
  else for (const [name, text] of Object.entries(DEFAULT_FILES)) writeFileSync(join(folder, name), text);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return {
    folder,
    remove: () => {
      if (process.env.NIAMONX_KEEP_TEMP !== '1') rmSync(folder, { recursive: true, force: true });
    },
  };
}
