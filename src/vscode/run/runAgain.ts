import * as vscode from 'vscode';
import type { BulkSummary } from '../../core/bulk/bulkSummary';
import type { ToolRun } from '../../core/errors';
import type { ResultRecord } from '../../core/record/resultRecord';
import { rerunBulk } from '../bulk/bulkCommand';
import type { RunController } from './runController';
import type { Services } from '../services';

/**
 * Repeats a past run with the request it sent (the stored body, or the input rebuilt into the
 * same body), bypassing the cache: the user asked for fresh data.
 */
export async function runAgain(runs: RunController, record: ResultRecord): Promise<ToolRun | undefined> {
  if (record.requestBodyRedacted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'NiamonX: this {0} run sent secret values in its body, which the history does not keep, so it cannot be repeated exactly. Run it again with the full body.',
        record.toolLabel ?? record.tool,
      ),
    );
    return undefined;
  }
  return runs.run({ tool: record.tool, input: record.requestBody ?? record.input, fresh: true, interactive: true });
}

/** Run Again of any record: a bulk entry re-runs only its failed and not-run targets. */
export function runRecordAgain(services: Services, record: ResultRecord): Promise<ToolRun | BulkSummary | undefined> {
  return record.bulk ? rerunBulk(services, record) : runAgain(services.runs, record);
}
