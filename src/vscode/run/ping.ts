import type { ToolRun } from '../../core/errors';
import { runOnTarget } from './runOnTarget';
import type { Services } from '../services';

/** `gl_ping` on the selection, the IP under the cursor, an explicit argument (hover links), or asked for. */
export async function ping(services: Services, input?: unknown): Promise<ToolRun | undefined> {
  const tool = services.catalog().find('gl_ping');
  if (!tool) return undefined;
  return runOnTarget(services, tool, typeof input === 'string' ? input : undefined);
}
