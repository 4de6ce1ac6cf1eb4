import * as vscode from 'vscode';

/** "answered just now", "answered 3 min ago", "answered 2 h ago", "answered 4 days ago". */
export function ageText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return vscode.l10n.t('answered just now');
  if (minutes < 60) return vscode.l10n.t('answered {0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return vscode.l10n.t('answered {0} h ago', hours);
  return vscode.l10n.t('answered {0} days ago', Math.floor(hours / 24));
}
