import type * as vscode from 'vscode';
import type { UsageStore } from '../../core/run/usageMeter';

/** The globalState key today's call counts are kept under (a few numbers: globalState suits them). */
export const USAGE_STATE_KEY = 'niamonx.usageToday';

/**
 * Today's call counts in globalState, so "calls today" survives a reload or restart. Reading is
 * synchronous (VS Code loaded globalState before activation); a write is queued by VS Code,
 * which saves its storage in batches, so a bulk run does no disk work per call.
 */
export function globalStateUsageStore(memento: vscode.Memento, onError: (message: string) => void): UsageStore {
  return {
    read: () => memento.get(USAGE_STATE_KEY),
    write: (usage) => {
      memento.update(USAGE_STATE_KEY, usage).then(undefined, (error: unknown) => {
        onError(`today's call counts could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  };
}
