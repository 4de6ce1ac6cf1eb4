import type { InputKind } from '../catalog/toolDefinition';
import { findTargets } from '../target/detectTarget';
import type { Target } from '../target/target';

/**
 * Stand-in until the fast scanner (src/core/bulk/extract.ts) lands; at the merge this file
 * becomes a re-export of it. Same signature; implemented with today's `findTargets`.
 */
export interface FoundTarget extends Target {
  defanged?: boolean;
  /** Why this match must not be sent (e.g. an IPv4 with leading zeros is ambiguous). */
  problem?: string;
}

/** About 256 KB of text per slice: findTargets on a slice stays well under 100 ms. */
const CHUNK_CHARS = 256 * 1024;

/** Every target of the given input kinds in `text`, in order; yields to the event loop between slices. */
export async function extractTargetsInChunks(
  text: string,
  kinds: readonly InputKind[] | undefined,
  options?: { signal?: AbortSignal; onProgress?: (scanned: number, total: number) => void },
): Promise<FoundTarget[]> {
  const found: FoundTarget[] = [];
  let start = 0;
  while (start < text.length) {
    options?.signal?.throwIfAborted();
    // Cut at a line end so no target is split between slices (targets never span lines).
    let end = Math.min(text.length, start + CHUNK_CHARS);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > start) end = newline + 1;
    }
    for (const target of findTargets(text.slice(start, end))) {
      if (!kinds || kinds.includes(target.inputKind)) found.push({ ...target, start: target.start + start, end: target.end + start });
    }
    start = end;
    options?.onProgress?.(start, text.length);
    if (start < text.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return found;
}
