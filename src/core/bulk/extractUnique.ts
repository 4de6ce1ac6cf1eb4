import type { InputKind } from '../catalog/toolDefinition';
import { scanInSlices, scanInSlicesSync, type FoundTarget, type SliceOptions } from './extract';

/**
 * One value found, however often: the first occurrence (its `raw`, offsets, details,
 * `defanged`, `problem`), how many times it occurred and every distinct way it was written.
 */
export interface UniqueTarget extends FoundTarget {
  count: number;
  /** Distinct texts found for it, first first (`1.1.1[.]1`, `1.1.1.1:53`, …), at most MAX_RAWS. */
  raws: string[];
}

/** A value written a thousand ways (ports) would otherwise keep a thousand strings alive. */
export const MAX_RAWS = 20;

/**
 * The targets of the given kinds, one per unique kind and value (`1.1.1.1` and
 * `1.1.1[.]1:53` are one; the CIDR `10.0.0.0/8` and the address `10.0.0.0` are two), in
 * order of first occurrence. Memory grows with the unique targets, not with the occurrences:
 * the bulk path needs nothing more.
 */
export function extractUniqueTargets(text: string, kinds?: readonly InputKind[]): UniqueTarget[] {
  const unique = new UniqueCollector();
  // Slices bound the short-lived per-occurrence objects; the collector keeps only the unique ones.
  scanInSlicesSync(text, kinds, (found) => unique.add(found));
  return unique.result();
}

/** The same, in slices that yield to the event loop (see extractTargetsInChunks); cancellable. */
export async function extractUniqueTargetsInChunks(text: string, kinds: readonly InputKind[] | undefined, options: SliceOptions = {}): Promise<UniqueTarget[]> {
  const unique = new UniqueCollector();
  await scanInSlices(text, kinds, options, (found) => unique.add(found));
  return unique.result();
}

class UniqueCollector {
  private readonly byKey = new Map<string, UniqueTarget>();

  add(found: readonly FoundTarget[]): void {
    for (const target of found) {
      // Values of different kinds never look alike, except a CIDR's network and that address.
      const key = target.kind === 'cidr' ? `cidr\u0000${target.value}` : target.value;
      const known = this.byKey.get(key);
      if (known === undefined) {
        const first = target as UniqueTarget;
        first.count = 1;
        first.raws = [target.raw];
        this.byKey.set(key, first);
      } else {
        known.count++;
        if (target.raw !== known.raw && known.raws.length < MAX_RAWS && !known.raws.includes(target.raw)) known.raws.push(target.raw);
      }
    }
  }

  result(): UniqueTarget[] {
    return [...this.byKey.values()];
  }
}
