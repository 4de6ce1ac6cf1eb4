/** What `event(listener)` returns: the same shape as a VS Code Disposable, so it can go into context.subscriptions. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; the core's counterpart of `vscode.Event` (which the core may not import). */
export type Event<T> = (listener: (value: T) => void) => Subscription;

/**
 * A typed listener set. `fire` calls the listeners subscribed when it starts (one that disposes
 * itself or another meanwhile does not skip anyone); a listener that throws does not keep the
 * others from hearing the change, and its error reaches the caller of `fire` after all have run.
 */
export class Emitter<T = void> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    let failure: { error: unknown } | undefined;
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}
