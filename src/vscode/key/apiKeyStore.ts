import * as vscode from 'vscode';
import { checkApiKey } from '../../core/api/keyRules';
import { ToolCallError } from '../../core/errors';
import { ContextKey } from '../commands/commandIds';

const SECRET_NAME = 'niamonx.apiKey';
const ENV_NAME = 'NIAMONX_API_KEY';

/**
 * The API key lives only in SecretStorage (the OS keychain where available); the
 * NIAMONX_API_KEY environment variable is the fallback the vendor recommends for servers.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The last key seen, only so history and exports can scrub it (defence in depth). */
  private lastKey: string | undefined;
  private keyAvailable = false;
  /** The stored key, read once per change: each read is a round trip to the workbench. */
  private stored: Promise<string | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Other windows share the secret store: follow their changes too.
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_NAME) {
        this.stored = undefined;
        void this.announce();
      }
    });
  }

  async get(): Promise<string | undefined> {
    const stored = await this.storedKey();
    const fromEnv = process.env[ENV_NAME];
    const key = stored || (fromEnv && checkApiKey(fromEnv).ok ? fromEnv.trim() : undefined);
    if (key) this.lastKey = key;
    return key;
  }

  /** Strings to scrub from anything persisted or exported; too short a key would scrub ordinary words. */
  knownSecrets(): string[] {
    return this.lastKey && this.lastKey.length >= 8 ? [this.lastKey] : [];
  }

  /** Where the key in use comes from, for messages (never the key itself). */
  async source(): Promise<'secret-storage' | 'environment' | 'none'> {
    if (await this.storedKey()) return 'secret-storage';
    return (await this.get()) ? 'environment' : 'none';
  }

  async set(raw: string): Promise<void> {
    const check = checkApiKey(raw);
    if (!check.ok) throw new Error(check.message);
    await this.guarded('save', () => this.secrets.store(SECRET_NAME, check.key));
    this.stored = undefined;
    await this.announce();
  }

  async clear(): Promise<void> {
    await this.guarded('remove', () => this.secrets.delete(SECRET_NAME));
    this.stored = undefined;
    await this.announce();
  }

  /** Whether a key was available at the last check (kept for views that must answer synchronously). */
  get hasKey(): boolean {
    return this.keyAvailable;
  }

  /** Sets the context key that shows or hides the welcome view. */
  async updateContext(): Promise<void> {
    // A broken secret store reads as "no key" here; the run or the command says why.
    this.keyAvailable = !!(await this.get().catch(() => undefined));
    await vscode.commands.executeCommand('setContext', ContextKey.HasApiKey, this.keyAvailable);
  }

  private storedKey(): Promise<string | undefined> {
    const read = (this.stored ??= this.guarded('read', () => this.secrets.get(SECRET_NAME)));
    // A failed read (a locked keychain) is not remembered.
    read.catch(() => {
      if (this.stored === read) this.stored = undefined;
    });
    return read;
  }

  private async announce(): Promise<void> {
    await this.updateContext();
    this.changed.fire();
  }

  /**
   * SecretStorage can fail (no keyring on Linux, a locked keychain, a browser that lost its
   * store). Then the key is neither read nor saved anywhere else: no fallback to settings or
   * files, just an error that says what to do.
   */
  private async guarded<T>(action: 'read' | 'save' | 'remove', work: () => Thenable<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Only the error's name or code: its message may quote what was being stored (the key).
      const code = (error as { code?: unknown })?.code;
      const detail =
        typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)
          ? code
          : error instanceof Error && /^\w{1,40}$/.test(error.name)
            ? error.name
            : 'unknown error';
      throw new ToolCallError('auth', secretStorageMessage(action, detail));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function secretStorageMessage(action: 'read' | 'save' | 'remove', detail: string): string {
  const what =
    action === 'save'
      ? vscode.l10n.t('VS Code could not save the API key in its secret storage ({0}). It was not saved anywhere else.', detail)
      : action === 'remove'
        ? vscode.l10n.t('VS Code could not remove the API key from its secret storage ({0}).', detail)
        : vscode.l10n.t('VS Code could not read its secret storage ({0}), so no API key is available.', detail);
  return `${what} ${vscode.l10n.t('On Linux, install and unlock a keyring (GNOME Keyring or KWallet, or set "password-store" in argv.json); on macOS and Windows, unlock the keychain. Or set the NIAMONX_API_KEY environment variable.')}`;
}
