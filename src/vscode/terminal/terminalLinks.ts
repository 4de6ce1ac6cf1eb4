import * as vscode from 'vscode';
import { lineIndicators } from '../../core/indicators/lineIndicators';
import type { Target } from '../../core/indicators/target';
import { defangRaw } from '../../core/transform/defangText';
import { CommandId } from '../commands/commandIds';

export interface IndicatorTerminalLink extends vscode.TerminalLink {
  target: Target;
}

/** What activating a link offers; nothing is sent until the user picks Ping or a tool. */
interface LinkAction extends vscode.QuickPickItem {
  run: () => Thenable<unknown>;
}

/**
 * IPs, domains and emails (defanged ones too) printed in any terminal become links. Providing
 * them is local (a bounded scan of the line); activating one asks what to do: Ping, Run Tool…
 * or Copy Defanged. A pick runs through the usual commands, so the never-send gate applies.
 */
export class IndicatorTerminalLinkProvider implements vscode.TerminalLinkProvider<IndicatorTerminalLink> {
  provideTerminalLinks(context: vscode.TerminalLinkContext): IndicatorTerminalLink[] {
    return lineIndicators(context.line).map((target) => ({
      startIndex: target.start,
      length: target.end - target.start,
      tooltip: vscode.l10n.t('NiamonX: Ping, Run Tool… or Copy Defanged'),
      target,
    }));
  }

  async handleTerminalLink(link: IndicatorTerminalLink): Promise<void> {
    await this.activate(link);
  }

  /** What handleTerminalLink does, with the picked action's result (a ToolRun for Ping; tests look at it). */
  async activate(link: IndicatorTerminalLink): Promise<unknown> {
    const { target } = link;
    const actions: LinkAction[] = [];
    if (target.inputKind === 'ip') {
      actions.push({
        label: vscode.l10n.t('Ping'),
        description: target.value,
        run: () => vscode.commands.executeCommand(CommandId.Ping, target.value),
      });
    }
    actions.push(
      {
        label: vscode.l10n.t('Run Tool…'),
        description: target.value,
        run: () => vscode.commands.executeCommand(CommandId.RunTool, { input: target.value }),
      },
      {
        label: vscode.l10n.t('Copy Defanged'),
        description: defangRaw({ raw: target.value, kind: target.kind }),
        run: () => vscode.env.clipboard.writeText(defangRaw({ raw: target.value, kind: target.kind })),
      },
    );
    const picked = await vscode.window.showQuickPick(actions, {
      title: vscode.l10n.t('NiamonX: {0}', target.value),
      placeHolder: vscode.l10n.t('Nothing is sent until you pick Ping or a tool'),
    });
    return picked?.run();
  }
}
