import { join } from 'node:path';
import type * as vscode from 'vscode';
import { loadWithCodeCache } from './codeCache';

/** The extension itself (src/extension.ts), built next to this loader. */
const MAIN_BUNDLE = 'extensionMain.js';

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): unknown;
  deactivate?(): unknown;
}

let main: ExtensionModule | undefined;

/**
 * dist/extension.js, what VS Code loads: loads the extension's bundle with V8's code cache, kept
 * in the extension's global storage folder (code-cache/), so that a window after the first does
 * not parse and compile the whole bundle again (most of what activation cost). Nothing else
 * changes: the bundle's activate() and deactivate() are called as VS Code would call them.
 */
export function activate(context: vscode.ExtensionContext): unknown {
  // This module's require: VS Code gives `vscode` to code of the extension that asks, found by the asking file's path.
  main = loadWithCodeCache(join(__dirname, MAIN_BUNDLE), require, join(context.globalStorageUri.fsPath, 'code-cache'))
    .exports as ExtensionModule;
  return main.activate(context);
}

export function deactivate(): unknown {
  return main?.deactivate?.();
}
