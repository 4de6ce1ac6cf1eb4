import type { ToolRun } from '../../core/errors';
import { recordFromArgument } from '../history/recordFromArgument';
import type { Services } from '../services';

/** Runs the same tool on the same input again, bypassing the cache (the user asked for fresh data). */
export async function historyRunAgain(services: Services, arg: unknown): Promise<ToolRun | undefined> {
  const record = recordFromArgument(services, arg);
  return record ? services.runs.run({ tool: record.tool, input: record.input, fresh: true, interactive: true }) : undefined;
}
