import * as vscode from 'vscode';

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

/**
 * A cancellable notification with a title: `work` gets a controller that its Cancel button
 * (or anything else holding the controller) aborts.
 */
export function withCancellableProgress<T>(
  title: string,
  work: (controller: AbortController, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
    withAbortController(token, (controller) => work(controller, progress)),
  );
}

/** Reports a share of work done as the increments a progress notification wants. */
export function percentReporter(
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): (done: number, total: number, message?: string) => void {
  let reported = 0;
  return (done, total, message) => {
    const percent = Math.floor((done / Math.max(1, total)) * 100);
    if (percent <= reported && message === undefined) return;
    progress.report({ message, increment: Math.max(0, percent - reported) });
    reported = Math.max(reported, percent);
  };
}
