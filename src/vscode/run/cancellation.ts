import type * as vscode from 'vscode';

/**
 * Runs `work` with an AbortController that follows a VS Code cancellation token (the core
 * understands AbortSignals only). The controller is handed over for callers that can also
 * cancel from elsewhere (Cancel Bulk Runs).
 */
export async function withAbortController<T>(
  token: vscode.CancellationToken,
  work: (controller: AbortController) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const subscription = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller);
  } finally {
    subscription.dispose();
  }
}

/** Runs `work` with an AbortSignal that follows the token. */
export function withAbort<T>(token: vscode.CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withAbortController(token, (controller) => work(controller.signal));
}
