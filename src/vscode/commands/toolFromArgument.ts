import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import type { Services } from '../services';

/** Tree commands get the tree node; scripts and tests may pass the tool name instead. */
export function toolFromArgument(services: Services, arg: unknown): ToolDefinition | undefined {
  if (typeof arg === 'string') return services.catalog().find(arg);
  const tool = (arg as { tool?: { name?: unknown } } | undefined)?.tool;
  return typeof tool?.name === 'string' ? services.catalog().find(tool.name) : undefined;
}
