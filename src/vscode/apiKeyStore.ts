import * as vscode from 'vscode';
import { checkApiKey } from '../core/api/keyRules';
import { ContextKey } from './commandIds';

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
    await this.secrets.store(SECRET_NAME, check.key);
    this.stored = undefined;
    await this.announce();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_NAME);
    this.stored = undefined;
    await this.announce();
  }

  /** Whether a key was available at the last check (kept for views that must answer synchronously). */
  get hasKey(): boolean {
    return this.keyAvailable;
  }

  /** Sets the context key that shows or hides the welcome view. */
  async updateContext(): Promise<void> {
    this.keyAvailable = !!(await this.get());
    await vscode.commands.executeCommand('setContext', ContextKey.HasApiKey, this.keyAvailable);
  }

  private storedKey(): Promise<string | undefined> {
    const read = (this.stored ??= Promise.resolve(this.secrets.get(SECRET_NAME)));
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

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
