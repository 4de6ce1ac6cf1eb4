import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { toolNameOf } from '../commands/commandArguments';
import type { Services } from '../services';

/** Tree commands get the tree node; scripts and tests may pass the tool name instead. */
export function toolFromArgument(services: Services, arg: unknown): ToolDefinition | undefined {
  const name = toolNameOf(arg);
  return name === undefined ? undefined : services.catalog().find(name);
}
