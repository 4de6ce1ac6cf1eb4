import * as vscode from 'vscode';
import type { UsageMeter } from '../../core/run/usageMeter';
import type { ApiKeyStore } from '../key/apiKeyStore';
import { CommandId } from '../commands/commandIds';

/** At or below this many calls left (as the API reported), the item turns to the warning colour. */
const LOW_REMAINING = 10;
/** A bulk run counts many calls a second: the item is redrawn at most this often (each redraw is a message to VS Code). */
const USAGE_RENDER_DELAY_MS = 100;

type KeyState = 'secret-storage' | 'environment' | 'none' | 'unknown';

/**
 * The status bar item: the key's state, today's calls and the remaining quota where an answer
 * reported it. Creating it costs nothing more than the item; its text follows key and usage events.
 */
export class UsageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('niamonx.usage', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private keyState: KeyState = 'unknown';
  private readonly firstRender: ReturnType<typeof setTimeout>;
  private usageRender: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly usage: UsageMeter,
  ) {
    this.item.name = vscode.l10n.t('NiamonX Usage');
    this.item.command = CommandId.StatusBarMenu;
    this.item.text = '$(radio-tower) NiamonX';
    this.item.show();
    // Today's counts are read back from globalState and validated just after activation, not during it.
    this.firstRender = setTimeout(() => this.render(), 0);
    this.subscriptions.push(
      keys.onDidChange(() => void this.refreshKeyState()),
      usage.onDidChange(() => this.renderSoon()),
      // Calls made in another window meanwhile show when this one is used again.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.render();
      }),
    );
  }

  /** Reads where the key comes from (secret storage or the environment); called once the key is first known. */
  async refreshKeyState(): Promise<void> {
    this.keyState = await this.keys.source();
    this.render();
  }

  private renderSoon(): void {
    this.usageRender ??= setTimeout(() => {
      this.usageRender = undefined;
      this.render();
    }, USAGE_RENDER_DELAY_MS);
  }

  private render(): void {
    const today = this.usage.today();
    const key = this.keyState === 'none' ? vscode.l10n.t('no API key') : '';
    const calls = today.total === 1 ? vscode.l10n.t('1 call today') : vscode.l10n.t('{0} calls today', today.total);
    const remaining = today.remaining === undefined ? '' : vscode.l10n.t('{0} left', today.remaining);
    this.item.text = ['$(radio-tower) NiamonX', key || calls, key ? '' : remaining].filter(Boolean).join(' · ');
    const low = today.dailyLimitHit || (today.remaining !== undefined && today.remaining <= LOW_REMAINING);
    this.item.backgroundColor = low || this.keyState === 'none' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${keyText(this.keyState)}\n`);
    tooltip.appendText(vscode.l10n.t('{0} API calls today (UTC, counted on this machine)', today.total));
    if (today.remaining !== undefined)
      tooltip.appendText('\n' + vscode.l10n.t('{0} calls left, as the API last reported', today.remaining));
    if (today.dailyLimitHit) tooltip.appendText('\n' + vscode.l10n.t('The daily limit was reached today.'));
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    clearTimeout(this.firstRender);
    clearTimeout(this.usageRender);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function keyText(state: KeyState): string {
  switch (state) {
    case 'secret-storage':
      return vscode.l10n.t('API key: stored in secret storage');
    case 'environment':
      return vscode.l10n.t('API key: from the environment');
    case 'none':
      return vscode.l10n.t('API key: none');
    default:
      return vscode.l10n.t('API key: not checked yet');
  }
}

/** The status bar item's menu. */
export async function statusBarMenu(usage: UsageMeter): Promise<void> {
  const items: (vscode.QuickPickItem & { run?: () => unknown })[] = [
    { label: `$(key) ${vscode.l10n.t('Set API Key')}`, run: () => vscode.commands.executeCommand(CommandId.SetApiKey) },
    { label: `$(close) ${vscode.l10n.t('Clear API Key')}`, run: () => vscode.commands.executeCommand(CommandId.ClearApiKey) },
    { label: `$(output) ${vscode.l10n.t('Show Output')}`, run: () => vscode.commands.executeCommand(CommandId.ShowOutput) },
    { label: `$(graph) ${vscode.l10n.t('Usage per Tool Today')}`, run: () => showUsage(usage) },
    { label: `$(trash) ${vscode.l10n.t('Clear Cache')}`, run: () => vscode.commands.executeCommand(CommandId.ClearCache) },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('NiamonX') });
  await picked?.run?.();
}

async function showUsage(usage: UsageMeter): Promise<void> {
  const today = usage.today();
  const rows = Object.entries(today.perTool).sort((a, b) => b[1] - a[1]);
  const items: vscode.QuickPickItem[] = rows.length
    ? rows.map(([tool, count]) => ({ label: tool, description: count === 1 ? vscode.l10n.t('1 call') : vscode.l10n.t('{0} calls', count) }))
    : [{ label: vscode.l10n.t('No API calls today') }];
  await vscode.window.showQuickPick(items, { title: vscode.l10n.t('NiamonX: API calls on {0} (UTC)', today.day) });
}
