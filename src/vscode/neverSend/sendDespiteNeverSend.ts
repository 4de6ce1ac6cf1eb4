import * as vscode from 'vscode';
import type { ToolRun } from '../../core/errors';
import { detectInSelection } from '../../core/indicators/detectTarget';
import { askForInput } from '../run/askForInput';
import { runToolArgumentOf } from '../commands/commandArguments';
import { pickTool } from '../run/pickTool';
import type { Services } from '../services';
import { targetFromEditor } from '../editor/targetFromEditor';

/**
 * "NiamonX: Send Despite Never-Send List…": the one way past the gate, for one value and one
 * call. Arguments (a refusal's button passes `{ tool, input }`) only fill in the question:
 * the user always confirms in a modal dialog that names the value, because any extension can
 * run this command.
 */
export async function sendDespiteNeverSend(services: Services, arg?: unknown): Promise<ToolRun | undefined> {
  const given = runToolArgumentOf(arg);
  const target = given.input ? undefined : targetFromEditor();
  const kind = given.input ? detectInSelection(given.input).inputKind : target?.inputKind;
  const title = vscode.l10n.t('NiamonX: Send Despite Never-Send List');
  const tool = given.tool ? services.catalog().find(given.tool) : await pickTool(services, kind, false, title);
  if (!tool) return undefined;
  const input =
    given.input?.trim() || (await askForInput(tool, target && tool.acceptedKinds.includes(target.inputKind) ? target.value : ''));
  if (!input) return undefined;
  const send = vscode.l10n.t('Send Once');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Send {0} to NiamonX {1} although it is on your never-send list?',
      input.length > 120 ? `${input.slice(0, 119)}…` : input,
      tool.label,
    ),
    {
      modal: true,
      detail: vscode.l10n.t(
        'This one request leaves your network: the NiamonX service (and anyone who reads its logs) learns this value. The list itself stays as it is (setting niamonx.neverSend).',
      ),
    },
    send,
  );
  if (answer !== send) return undefined;
  return services.runs.run({ tool: tool.name, input, interactive: true, fresh: true, sendDespiteNeverSend: true });
}
