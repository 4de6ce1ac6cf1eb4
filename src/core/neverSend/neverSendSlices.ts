import { neverSendMatch, type CheckedTarget, type NeverSendMatch, type NeverSendPolicy } from './neverSendCheck';

/** Targets checked between two turns of the event loop: a few milliseconds each slice. */
const SLICE = 10_000;

/**
 * The never-send verdict of many targets (a bulk run's million at most), in slices that let the
 * event loop run between them: the extension host is never held for long. Only refused targets
 * are in the map. Rejects with the signal's reason when aborted.
 */
export async function neverSendMatchesInSlices<T extends CheckedTarget>(
  targets: readonly T[],
  policy: NeverSendPolicy,
  signal?: AbortSignal,
): Promise<Map<T, NeverSendMatch>> {
  const refused = new Map<T, NeverSendMatch>();
  for (let from = 0; from < targets.length; from += SLICE) {
    if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    const to = Math.min(targets.length, from + SLICE);
    for (let i = from; i < to; i++) {
      const match = neverSendMatch(targets[i], policy);
      if (match) refused.set(targets[i], match);
    }
  }
  return refused;
}
