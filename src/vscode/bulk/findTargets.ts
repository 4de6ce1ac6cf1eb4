import * as vscode from 'vscode';
import {
  extractUniqueTargetsFromPieces,
  extractUniqueTargetsInChunks,
  TooManyTargetsError,
  type UniqueTarget,
} from '../../core/bulk/extractUnique';
import type { ToolDefinition } from '../../core/catalog/toolDefinition';
import { percentReporter, withCancellableProgress } from '../run/cancellation';
import type { BulkSource } from './bulkSource';

/**
 * The distinct targets the tool takes in the source, found under a cancellable progress
 * notification. Undefined when cancelled or when there are too many (the user is told why).
 */
export function findTargets(source: BulkSource, tool: ToolDefinition): Thenable<UniqueTarget[] | undefined> {
  return withCancellableProgress(vscode.l10n.t('NiamonX: finding targets in {0}', source.label), (controller, progress) => {
    const report = percentReporter(progress);
    const options = { signal: controller.signal, onProgress: (scanned: number, total: number) => report(scanned, total) };
    const extraction =
      source.kind === 'text'
        ? extractUniqueTargetsInChunks(source.text, tool.acceptedKinds, options)
        : extractUniqueTargetsFromPieces(source.pieces(), tool.acceptedKinds, options);
    return extraction.catch((error: unknown) => {
      // Cancelled: nothing to say. Anything else (a file that cannot be read) is shown.
      if (controller.signal.aborted) return undefined;
      if (!(error instanceof TooManyTargetsError)) throw error;
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'NiamonX: {0} holds more than {1} different targets, more than a bulk run can check. Select a part of it and check the selection.',
          source.label,
          error.limit.toLocaleString(vscode.env.language),
        ),
      );
      return undefined;
    });
  });
}
