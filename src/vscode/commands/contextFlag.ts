import * as vscode from 'vscode';
import type { ContextKey } from './commandIds';

/** A boolean context key, set only when its value changes. */
export class ContextFlag {
  private value: boolean | undefined;

  constructor(private readonly key: ContextKey) {}

  set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', this.key, value);
  }
}
