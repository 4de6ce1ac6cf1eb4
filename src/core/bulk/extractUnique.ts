import type { InputKind } from '../catalog/toolDefinition';
import { detached } from '../target/detached';
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
export async function extractUniqueTargetsInChunks(
  text: string,
  kinds: readonly InputKind[] | undefined,
  options: SliceOptions = {},
): Promise<UniqueTarget[]> {
  const unique = new UniqueCollector();
  await scanInSlices(text, kinds, options, (found) => unique.add(found));
  return unique.result();
}

const FORGET_LAST_MATCH = /(?:)/;

class UniqueCollector {
  private readonly byKey = new Map<string, UniqueTarget>();

  add(found: readonly FoundTarget[]): void {
    for (const target of found) {
      // Values of different kinds never look alike, except a CIDR's network and that address.
      const key = target.kind === 'cidr' ? `cidr\u0000${target.value}` : target.value;
      const known = this.byKey.get(key);
      if (known === undefined) {
        const first = target as UniqueTarget;
        first.value = detached(target.value);
        first.raw = target.raw === target.value ? first.value : detached(target.raw);
        // A CIDR's network and a zone are slices too (shared details of plain addresses are not).
        if (first.ip?.network !== undefined) first.ip.network = first.value;
        if (first.ip?.zone !== undefined) first.ip.zone = detached(first.ip.zone);
        first.count = 1;
        first.raws = [first.raw];
        this.byKey.set(first.kind === 'cidr' ? key : first.value, first);
      } else {
        known.count++;
        if (target.raw !== known.raw && known.raws.length < MAX_RAWS && !known.raws.includes(target.raw))
          known.raws.push(detached(target.raw));
      }
    }
  }

  result(): UniqueTarget[] {
    // V8 keeps the last subject of a successful match (RegExp.input): the whole scanned text.
    FORGET_LAST_MATCH.exec('');
    return [...this.byKey.values()];
  }
}
