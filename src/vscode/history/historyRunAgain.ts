import type { BulkSummary } from '../../core/bulk/bulkSummary';
import type { ToolRun } from '../../core/errors';
import { recordFromArgument } from './recordFromArgument';
import { runRecordAgain } from '../run/runAgain';
import type { Services } from '../services';

/**
 * Runs the same request again, bypassing the cache (the user asked for fresh data). A bulk
 * entry re-runs only its failed and not-run targets.
 */
export async function historyRunAgain(services: Services, arg: unknown): Promise<ToolRun | BulkSummary | undefined> {
  const record = recordFromArgument(services, arg);
  return record ? runRecordAgain(services, record) : undefined;
}
