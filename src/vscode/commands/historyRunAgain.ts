import type { BulkSummary } from '../../core/bulk/bulkSummary';
import type { ToolRun } from '../../core/errors';
import { rerunBulk } from '../bulk/bulkRun';
import { recordFromArgument } from '../history/recordFromArgument';
import type { Services } from '../services';

/**
 * Runs the same tool on the same input again, bypassing the cache (the user asked for fresh
 * data). A bulk entry re-runs only its failed and not-run targets.
 */
export async function historyRunAgain(services: Services, arg: unknown): Promise<ToolRun | BulkSummary | undefined> {
  const record = recordFromArgument(services, arg);
  if (record?.bulk) return rerunBulk(services, record);
  return record ? services.runs.run({ tool: record.tool, input: record.input, fresh: true, interactive: true }) : undefined;
}
