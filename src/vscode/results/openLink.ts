import * as vscode from 'vscode';
import { parseSafeLink } from '../../core/render/links';

/**
 * The Uri to open for a link the results page asks for, or undefined. It is built from the
 * same parse that passed the check (parseSafeLink's normalised href), and opened only when
 * VS Code's own parser reads the host that check saw.
 */
export function linkUri(value: string): vscode.Uri | undefined {
  const link = parseSafeLink(value);
  if (!link) return undefined;
  const uri = vscode.Uri.parse(link.href, true);
  return uri.scheme === 'https' && uri.authority === link.host ? uri : undefined;
}

/** Opens a link from a results page in the browser; anything else is ignored. */
export function openLink(value: string): void {
  const uri = linkUri(value);
  if (uri) void vscode.env.openExternal(uri);
}
