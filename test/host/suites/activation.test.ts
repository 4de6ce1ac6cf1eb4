import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, emulator, EXTENSION_ID, resetWorld } from '../helpers';

describe('activation', () => {
  it('activates and returns the public API', async () => {
    const niamonx = await api();
    assert.equal(typeof niamonx.runTool, 'function');
    assert.equal(typeof niamonx.listTools, 'function');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers every contributed command', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('spends no API call on activation or on storing a key', async () => {
    await resetWorld();
    await vscode.commands.executeCommand('niamonx.refreshTools');
    assert.deepEqual(await emulator().requests(), []);
  });

  it('makes apiBaseUrl an application-scoped setting', () => {
    const properties = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties;
    assert.equal(properties['niamonx.apiBaseUrl'].scope, 'application');
  });
});
