import * as vscode from 'vscode';
import type { BulkPlan } from '../../core/bulk/bulkPlan';
import { planBulk } from '../../core/bulk/bulkPlan';
import type { BulkSummary } from '../../core/bulk/bulkSummary';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { neverSendMatchesInSlices } from '../../core/neverSend/neverSendSlices';
import type { ResultRecord } from '../../core/record/resultRecord';
import { pickTool } from '../run/pickTool';
import type { Services } from '../services';
import { currentSettings } from '../settings/config';
import { parseBulkArgs } from './bulkArgs';
import { readBulkSource, type SourceScope } from './bulkSource';
import { executeBulk } from './executeBulk';
import { findTargets } from './findTargets';

/**
 * A bulk command: the targets the tool takes, found in a selection, a document or a file,
 * deduped and planned, then run (see executeBulk). Returns the plain summary.
 */
export async function bulkCommand(
  services: Services,
  scope: SourceScope,
  fixedTool: string | undefined,
  arg: unknown,
): Promise<BulkSummary | undefined> {
  const args = parseBulkArgs(arg);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(`NiamonX: ${args}`);
    return undefined;
  }
  const tool = await chooseTool(services, fixedTool ?? args.tool);
  if (!tool) return undefined;
  const source = await readBulkSource(scope, args.uri);
  if (typeof source === 'string') {
    void vscode.window.showWarningMessage(`NiamonX: ${source}`);
    return undefined;
  }
  const found = await findTargets(source, tool);
  if (!found) return undefined;
  const refused = await neverSendMatchesInSlices(found, services.neverSend());
  const plan = planBulk(found, { skipNonPublic: currentSettings().bulkSkipNonPublic, refused });
  return executeBulk(services, tool, plan, source.label);
}

/** Run Again on a bulk entry: only its failed and not-run inputs. */
export async function rerunBulk(services: Services, record: ResultRecord): Promise<BulkSummary | undefined> {
  const tool = services.catalog().find(record.tool);
  if (!tool || !record.bulk) return undefined;
  const inputs = record.bulk.pending;
  if (inputs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: every target of this run has its answer; nothing to run again.'));
    return undefined;
  }
  const plan: BulkPlan = {
    targets: inputs.map((value) => ({ value, raws: [value], occurrences: 1, defanged: false })),
    skipped: [],
    found: inputs.length,
    duplicates: 0,
  };
  return executeBulk(services, tool, plan, vscode.l10n.t('Run Again of {0}', record.input));
}

async function chooseTool(services: Services, name: string | undefined): Promise<ToolDefinition | undefined> {
  if (name === undefined) return pickTool(services, undefined, false, vscode.l10n.t('NiamonX: Run Tool on All Targets'));
  const tool = services.catalog().find(name);
  if (!tool)
    void vscode.window.showErrorMessage(
      vscode.l10n.t('NiamonX: no tool named "{0}". Check the name, or add it with the niamonx.tools setting.', name.slice(0, 64)),
    );
  return tool;
}
