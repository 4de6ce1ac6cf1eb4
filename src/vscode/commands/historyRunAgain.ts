import type { ToolRun } from '../../core/errors';
import { recordFromArgument } from '../history/recordFromArgument';
import { runAgain } from '../runAgain';
import type { Services } from '../services';

/** Runs the same request again, bypassing the cache (the user asked for fresh data). */
export async function historyRunAgain(services: Services, arg: unknown): Promise<ToolRun | undefined> {
  const record = recordFromArgument(services, arg);
  return record ? runAgain(services.runs, record) : undefined;
}
