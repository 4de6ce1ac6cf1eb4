/**
 * A value built on its first use and shared after. Module-level zod schemas cost start-up time
 * on every window that loads the extension, used or not; wrapped in `lazy`, they are built
 * when something is first validated.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
