/**
 * Identical requests in flight at the same time share one API call (quota is money).
 * Each caller may cancel on its own; the shared call is aborted only when every caller has.
 */
export class SharedRequests<T> {
  private readonly inFlight = new Map<string, { promise: Promise<T>; controller: AbortController; waiting: number }>();

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>, onCancel: () => T): Promise<T> {
    let entry = this.inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => this.inFlight.delete(key));
      entry = { promise, controller, waiting: 0 };
      this.inFlight.set(key, entry);
    }
    const shared = entry;
    shared.waiting++;
    if (!signal) return shared.promise;
    if (signal.aborted) return Promise.resolve(this.leave(shared, onCancel));
    return new Promise<T>((resolve, reject) => {
      const abort = () => resolve(this.leave(shared, onCancel));
      signal.addEventListener('abort', abort, { once: true });
      shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  private leave(entry: { controller: AbortController; waiting: number }, onCancel: () => T): T {
    entry.waiting--;
    if (entry.waiting <= 0) entry.controller.abort();
    return onCancel();
  }
}
