import * as vscode from 'vscode';
import { currentSettings, SECTION } from '../settings/config';

/** "Toggle Inline Verdicts": flips niamonx.inline.enabled in the user's settings. Returns the new state. */
export async function toggleInlineVerdicts(): Promise<boolean> {
  const enabled = !currentSettings().inlineEnabled;
  await vscode.workspace.getConfiguration(SECTION).update('inline.enabled', enabled, vscode.ConfigurationTarget.Global);
  return enabled;
}
