import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { ToolRun } from '../../core/errors';
import { lazy } from '../../core/lazy';
import { askForInput } from './askForInput';
import type { Services } from '../services';
import { toolFromArgument } from './toolFromArgument';

const callSchema = lazy(() =>
  z.object({
    tool: z.string().check(z.minLength(1), z.maxLength(64)),
    input: z.optional(z.string().check(z.maxLength(10_000))),
  }),
);

/**
 * Try Now: one real call that ignores the local daily-limit lock (the plan may have been
 * upgraded, or the quota reset at another hour). Success lifts the lock; another 429 keeps it.
 * Arguments: a tool tree node, a tool name, or `{ tool, input? }`; without an input the tool's
 * latest input from the history is used, else the user is asked. Installed normally, the user
 * confirms every Try Now: any extension can run this command, and it spends quota past a lock.
 */
export async function tryNow(services: Services, arg: unknown): Promise<ToolRun | undefined> {
  const parsed = callSchema().safeParse(arg);
  const tool = parsed.success ? services.catalog().find(parsed.data.tool) : toolFromArgument(services, arg);
  if (!tool) {
    void vscode.window.showWarningMessage(vscode.l10n.t('NiamonX: Try Now needs a known tool.'));
    return undefined;
  }
  const input =
    (parsed.success ? parsed.data.input : undefined) ??
    services.history.list().find((record) => record.tool === tool.name && !record.bulk)?.input ??
    (await askForInput(tool));
  if (!input) return undefined;
  if (!services.developmentMode && !(await userAgrees(tool.label, input))) return undefined;
  return services.runs.run({ tool: tool.name, input, ignoreLocalLock: true, fresh: true, interactive: true });
}

async function userAgrees(label: string, input: string): Promise<boolean> {
  const spend = vscode.l10n.t('Spend 1 Call');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Run NiamonX {0} on {1} now?', label, input.length > 120 ? `${input.slice(0, 119)}…` : input),
    {
      modal: true,
      detail: vscode.l10n.t(
        'This makes 1 API call although the daily limit looked used up, and counts against your quota if it is answered.',
      ),
    },
    spend,
  );
  return answer === spend;
}
