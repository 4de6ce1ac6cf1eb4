import * as vscode from 'vscode';

/** The `when` context key that shows development-only commands (the emulator). */
export const DEV_MODE_CONTEXT = 'niamonx.devMode';

/**
 * True when the extension runs from source (F5, the test harnesses), never for an installed
 * .vsix: installed users have no emulator, and a loopback base URL left behind would let any
 * local process collect the next real key.
 */
export function isDevelopmentMode(context: vscode.ExtensionContext): boolean {
  return context.extensionMode !== vscode.ExtensionMode.Production;
}

export function setDevModeContext(context: vscode.ExtensionContext): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', DEV_MODE_CONTEXT, isDevelopmentMode(context));
}
