import * as vscode from 'vscode';
import { detectAt } from '../core/target/detectTarget';
import { CommandId } from './commandIds';
import { currentSettings } from './config';

const HOVER_COMMANDS = [CommandId.Ping, CommandId.RunTool];

/** Over an IP in any text document: "Ping" and "Run Tool…" links for that IP. */
export class IpHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!currentSettings().hoverEnabled) return undefined;
    const line = document.lineAt(position.line).text;
    if (line.length > 10_000) return undefined; // minified files: not worth scanning
    const target = detectAt(line, position.character);
    if (!target || target.inputKind !== 'ip' || !target.ip) return undefined;
    const ip = target.value;
    const shown = target.kind === 'cidr' ? `${target.value}/${target.ip.prefixLength}` : target.value;
    const link = (command: CommandId, arg: unknown) => `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
    const markdown = new vscode.MarkdownString(undefined, true);
    // Only our own two commands may run from this hover, never arbitrary command links.
    markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    markdown.appendMarkdown('**NiamonX** ');
    markdown.appendText(`${shown} (IPv${target.ip.version}, ${target.ip.class})`);
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
