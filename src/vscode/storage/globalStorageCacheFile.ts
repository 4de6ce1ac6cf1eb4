import * as vscode from 'vscode';
import type { CacheFile } from '../../core/run/persistentCache';

const FILE_NAME = 'answer-cache.json';

/** The answer cache's file in the extension's global storage folder (not globalState: it can be megabytes). */
export function globalStorageCacheFile(storage: vscode.Uri): CacheFile {
  const file = vscode.Uri.joinPath(storage, FILE_NAME);
  return {
    read: async () => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
    write: async (text) => {
      await vscode.workspace.fs.createDirectory(storage);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    },
  };
}
