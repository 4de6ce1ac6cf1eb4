import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../util/waitFor';
import type { CodeServer } from './launch';

// What the remote extension host logs once every extension is registered and the eager ones ran.
const READY_LINE = 'Eager extensions activated';

/**
 * Waits until the remote extension host of the open window is up. Until then the palette,
 * menus and views lack the contributions of extensions (ours included), so a test that
 * starts earlier would not find them. After a window reload, pass the count from before it
 * (`readyExtensionHosts`) to wait for the new extension host.
 */
export async function waitForExtensionHost(codeServer: CodeServer, options: { moreThan?: number; timeoutMs?: number } = {}): Promise<void> {
  const moreThan = options.moreThan ?? 0;
  await waitFor('the extension host to start (remoteexthost.log)', () => (readyExtensionHosts(codeServer) > moreThan ? true : undefined), {
    timeoutMs: options.timeoutMs ?? 60_000,
    intervalMs: 100,
  });
}

/** How many extension hosts of this code-server have come up so far (one per window load). */
export function readyExtensionHosts(codeServer: CodeServer): number {
  return extensionHostLogs(codeServer).filter(hasReadyLine).length;
}

function extensionHostLogs(codeServer: CodeServer): string[] {
  const root = join(codeServer.userDataDir, 'logs');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((session) => {
    const dir = join(root, session);
    return readdirSync(dir)
      .filter((name) => name.startsWith('exthost'))
      .map((name) => join(dir, name, 'remoteexthost.log'))
      .filter((file) => existsSync(file));
  });
}

function hasReadyLine(file: string): boolean {
  return readFileSync(file, 'utf8').includes(READY_LINE);
}
