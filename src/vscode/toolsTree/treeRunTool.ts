import type { ToolRun } from '../../core/errors';
import { runOnTarget } from '../run/runOnTarget';
import type { Services } from '../services';
import { toolFromArgument } from '../run/toolFromArgument';

/** Click on a tool: run it on the editor's selection or the target under the cursor, else ask. */
export async function treeRunTool(services: Services, node: unknown): Promise<ToolRun | undefined> {
  const tool = toolFromArgument(services, node);
  return tool ? runOnTarget(services, tool) : undefined;
}
