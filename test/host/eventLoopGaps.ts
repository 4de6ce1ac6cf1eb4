import { performance } from 'node:perf_hooks';

/** Longer than this, a block of the shared extension host is felt by every extension (and the user). */
export const MAX_GAP_MS = 100;

/**
 * Watches the extension host's event loop: a timer every few milliseconds notes how late it
 * runs. `stop()` gives the longest time between two ticks, i.e. the longest block (plus the tick).
 */
export function watchEventLoop(): { stop(): number } {
  const TICK_MS = 5;
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - TICK_MS);
    },
  };
}

/** Runs `work` while watching the event loop; resolves with its result and the longest block. */
export async function longestBlockDuring<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  const watch = watchEventLoop();
  try {
    const result = await work();
    // One more tick, so a block right at the end is seen.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { result, longestMs: watch.stop() };
  } catch (error) {
    watch.stop();
    throw error;
  }
}
