import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * Deletes everything the extension keeps on this computer, after one confirmation that lists it:
 * the history, the answer cache, today's call counts and the stored key (and what was learned
 * from answers: cooldowns and pacing). After it, an uninstall leaves nothing of the user's behind (code-cache/ holds only our compiled code).
 */
export async function deleteAllLocalData(services: Services): Promise<boolean> {
  const results = services.history.list().length;
  const remove = vscode.l10n.t('Delete All');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete all NiamonX data stored on this computer?'),
    {
      modal: true,
      detail: [
        vscode.l10n.t('• the history: {0} result(s)', results),
        vscode.l10n.t('• the cache of answers'),
        vscode.l10n.t("• today's call counts"),
        vscode.l10n.t('• the API key in secret storage'),
        '',
        vscode.l10n.t(
          'This cannot be undone. Files you exported are not affected, and VS Code deletes its own log files of older sessions by itself.',
        ),
      ].join('\n'),
    },
    remove,
  );
  if (answer !== remove) return false;
  await services.history.clear();
  services.runner.clearCache();
  services.held.clear();
  await services.runner.flushCache();
  services.usage.forget();
  services.states.clear();
  services.pacing.clear();
  await services.keys.clear();
  services.output.channel.clear();
  const stillFromEnv = (await services.keys.source()) === 'environment';
  void vscode.window.showInformationMessage(
    stillFromEnv
      ? vscode.l10n.t('NiamonX: all local data is deleted. The NIAMONX_API_KEY environment variable is still used.')
      : vscode.l10n.t('NiamonX: all local data is deleted.'),
  );
  return true;
}
