import * as vscode from 'vscode';
import type { ResultRecord } from '../../core/record/resultRecord';
import { defangRaw } from '../../core/transform/defangText';
import type { HeldAnswers } from '../../core/verdicts/heldAnswers';
import { CommandId } from '../commands/commandIds';
import type { Services } from '../services';
import { FINDING_SOURCE, type FindingDiagnostics, type FindingSite } from './findingDiagnostics';

/**
 * Commands behind the quick fixes and the hover's Open Result link: not in the palette (they
 * need their subject as an argument), so not contributed in the manifest.
 */
export const VerdictCommand = {
  CopyDefanged: 'niamonx.finding.copyDefanged',
  AddToNeverSend: 'niamonx.finding.addToNeverSend',
  OpenResult: 'niamonx.finding.openResult',
} as const;

/** Quick fixes on a finding: Copy Defanged, Add to Never Send, Run Another Tool…, Open Result. */
export class FindingActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: FindingDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const done = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== FINDING_SOURCE) continue;
      const site = this.diagnostics.siteAt(document.uri, diagnostic.range);
      if (!site || done.has(site.value)) continue;
      done.add(site.value);
      const action = (title: string, command: string, args: unknown[]) => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.command = { title, command, arguments: args };
        actions.push(fix);
      };
      action(vscode.l10n.t('Copy Defanged'), VerdictCommand.CopyDefanged, [site]);
      action(vscode.l10n.t('Add {0} to Never Send', site.value), VerdictCommand.AddToNeverSend, [site.value]);
      action(vscode.l10n.t('Run Another Tool on {0}…', site.value), CommandId.RunTool, [{ input: site.value }]);
      action(vscode.l10n.t('Open Result'), VerdictCommand.OpenResult, [{ tool: site.tool, value: site.value }]);
    }
    return actions;
  }
}

/** Registers the commands the quick fixes and the hover use. */
export function registerFindingCommands(services: Services, held: HeldAnswers): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(VerdictCommand.CopyDefanged, (site: Partial<FindingSite> | undefined) => copyDefanged(site)),
    vscode.commands.registerCommand(VerdictCommand.AddToNeverSend, (value: unknown) => addToNeverSend(value)),
    vscode.commands.registerCommand(VerdictCommand.OpenResult, (arg: unknown) => openResult(services, held, arg)),
  ];
}

async function copyDefanged(site: Partial<FindingSite> | undefined): Promise<string | undefined> {
  if (typeof site?.value !== 'string' || typeof site.kind !== 'string') return undefined;
  // From the value, not the raw text: a raw form already defanged would be defanged twice.
  const text = defangRaw({ raw: site.value.slice(0, 1000), kind: site.kind });
  await vscode.env.clipboard.writeText(text);
  return text;
}

/** Appends the value to the user's own niamonx.neverSend (a workspace may add, the user decides here). */
async function addToNeverSend(value: unknown): Promise<boolean> {
  if (typeof value !== 'string' || !value || value.length > 320) return false;
  const config = vscode.workspace.getConfiguration('niamonx');
  const current = config.inspect<unknown[]>('neverSend')?.globalValue;
  const list = Array.isArray(current) ? current : [];
  if (!list.includes(value)) await config.update('neverSend', [...list, value], vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(vscode.l10n.t('NiamonX: {0} is on your never-send list.', value));
  return true;
}

/** The held answer in the results panel: its history entry when there is one, else the answer this session holds. */
function openResult(services: Services, held: HeldAnswers, arg: unknown): ResultRecord | undefined {
  const { tool, value } = (typeof arg === 'object' && arg !== null ? arg : {}) as { tool?: unknown; value?: unknown };
  if (typeof tool !== 'string' || typeof value !== 'string') return undefined;
  const answer = held.lookup(value).find((candidate) => candidate.tool === tool);
  if (!answer) return undefined;
  const stored = answer.recordId ? services.history.get(answer.recordId) : undefined;
  const record: ResultRecord | undefined =
    stored ??
    (answer.data === undefined
      ? undefined
      : {
          id: `held-${answer.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
          tool,
          toolLabel: services.catalog().find(tool)?.label ?? tool,
          input: value,
          startedAt: answer.at,
          ok: true,
          cached: true,
          data: answer.data,
        });
  if (record) services.panels.show(record);
  return record;
}
