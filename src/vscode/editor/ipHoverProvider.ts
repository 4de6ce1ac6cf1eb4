import * as vscode from 'vscode';
import { realClock, type Clock } from '../../core/clock';
import { detectAt } from '../../core/indicators/detectTarget';
import { ipClassText } from '../../core/indicators/ipClassText';
import type { HeldAnswers } from '../../core/verdicts/heldAnswers';
import { CommandId } from '../commands/commandIds';
import { currentSettings } from '../settings/config';
import { VerdictCommand } from '../verdicts/findingActions';
import { ageText } from '../verdicts/ageText';

const HOVER_COMMANDS: string[] = [CommandId.Ping, CommandId.RunTool, VerdictCommand.OpenResult];
/** Held answers shown in one hover at most (one per tool, newest first). */
const MAX_HELD_SHOWN = 4;

/**
 * Over an IP in any text document: the answers already held for it (verdict, findings, age)
 * first, then "Ping" and "Run Tool…" links for that IP. Showing held answers makes no call.
 */
export class IpHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly held?: HeldAnswers,
    private readonly toolLabel: (tool: string) => string = (tool) => tool,
    private readonly clock: Clock = realClock,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!currentSettings().hoverEnabled) return undefined;
    const line = document.lineAt(position.line).text;
    if (line.length > 10_000) return undefined; // minified files: not worth scanning
    const target = detectAt(line, position.character);
    if (!target || target.inputKind !== 'ip' || !target.ip) return undefined;
    const ip = target.value;
    const shown = target.kind === 'cidr' ? `${target.value}/${target.ip.prefixLength}` : target.value;
    const link = (command: string, arg: unknown) => `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
    const markdown = new vscode.MarkdownString(undefined, true);
    // Only our own commands may run from this hover, never arbitrary command links.
    markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    markdown.appendMarkdown('**NiamonX** ');
    markdown.appendText(`${shown} (IPv${target.ip.version}, ${ipClassText(target.ip.class, vscode.l10n.t)})`);
    for (const answer of this.held?.lookup(ip).slice(0, MAX_HELD_SHOWN) ?? []) {
      // The verdict and findings come from an answer (untrusted): appended as text, never as markdown.
      markdown.appendMarkdown('\n\n');
      markdown.appendText(`${this.toolLabel(answer.tool)}: ${answer.verdict} · ${ageText(this.clock.now() - answer.at)}`);
      for (const finding of answer.findings) {
        markdown.appendMarkdown('\n\n$(warning) ');
        markdown.appendText(finding.message);
      }
      markdown.appendMarkdown(
        ` · [${vscode.l10n.t('Open Result')}](${link(VerdictCommand.OpenResult, { tool: answer.tool, value: ip })} "${vscode.l10n.t('Show the whole answer (no call)')}")`,
      );
    }
    // Link texts and titles are ours (translations included), the IP is a validated address.
    markdown.appendMarkdown(
      `\n\n[$(pulse) ${vscode.l10n.t('Ping')}](${link(CommandId.Ping, ip)} "${vscode.l10n.t('Run gl_ping on {0}', ip)}") · `,
    );
    markdown.appendMarkdown(
      `[$(play) ${vscode.l10n.t('Run Tool…')}](${link(CommandId.RunTool, { input: ip })} "${vscode.l10n.t('Pick a NiamonX tool to run on {0}', ip)}")`,
    );
    const start = new vscode.Position(position.line, target.start);
    return new vscode.Hover(markdown, new vscode.Range(start, start.translate(0, target.end - target.start)));
  }
}
