import { neverSendMatch, skipReasonOf, type NeverSendMatch, type NeverSendPolicy } from '../neverSend/neverSendCheck';
import type { IpClass } from '../indicators/target';
import type { FoundTarget } from './extract';
import { MAX_RAWS } from './extractUnique';

/** One unique value to send, with every way it appeared in the text. */
export interface PlannedTarget {
  /** What is sent (the canonical form: the dedupe key). */
  value: string;
  /** The texts found for it, first occurrence first (`1.1.1[.]1`, `1.1.1.1:53`, …). */
  raws: string[];
  occurrences: number;
  defanged: boolean;
}

/** A value that is not sent, and why; listed in the summary, never dropped silently. */
export interface SkippedTarget {
  raw: string;
  value: string;
  reason: string;
  ipClass?: IpClass;
  occurrences: number;
}

export interface BulkPlan {
  targets: PlannedTarget[];
  skipped: SkippedTarget[];
  /** Matches found in the text, duplicates included. */
  found: number;
  /** Matches that repeat a value already planned or skipped. */
  duplicates: number;
}

export interface PlanOptions {
  /**
   * Skip private, loopback, link-local, documentation, reserved … addresses (the deprecated
   * niamonx.bulk.skipNonPublic): the never-send gate refuses them anyway.
   */
  skipNonPublic: boolean;
  /** What the runner's gate would refuse is listed as skipped "on your never-send list" instead of failing. */
  neverSend?: NeverSendPolicy;
  /** The gate's verdicts worked out beforehand (neverSendMatchesInSlices: a million targets hold the host too long at once). */
  refused?: ReadonlyMap<FoundTarget, NeverSendMatch>;
}

/**
 * Dedupes on the canonical value and sets aside what must not (or need not) be sent, with the
 * reason. Takes every occurrence, or targets already deduped by the scanner (`count`, `raws`).
 */
export function planBulk(found: readonly (FoundTarget & { count?: number; raws?: string[] })[], options: PlanOptions): BulkPlan {
  const planned = new Map<string, PlannedTarget>();
  const skipped = new Map<string, SkippedTarget>();
  let duplicates = 0;
  let total = 0;
  for (const target of found) {
    const times = target.count ?? 1;
    const raws = target.raws ?? [target.raw];
    total += times;
    const reason = skipReason(target, options);
    const key = reason ? `${reason.reason}\u0000${target.value}` : target.value;
    const known = reason ? skipped.get(key) : planned.get(key);
    if (known) {
      duplicates += times;
      known.occurrences += times;
      if ('raws' in known) for (const raw of raws) if (known.raws.length < MAX_RAWS && !known.raws.includes(raw)) known.raws.push(raw);
      continue;
    }
    duplicates += times - 1;
    if (reason) skipped.set(key, { raw: target.raw, value: target.value, occurrences: times, ...reason });
    else planned.set(key, { value: target.value, raws: raws.slice(0, MAX_RAWS), occurrences: times, defanged: target.defanged === true });
  }
  return { targets: mostFrequentFirst([...planned.values()]), skipped: [...skipped.values()], found: total, duplicates };
}

/**
 * The most frequent targets first (ties in the order they were found): a run stopped by a daily
 * limit, a cancel or niamonx.bulk.maxCalls has answered the ones that matter most.
 */
function mostFrequentFirst(targets: PlannedTarget[]): PlannedTarget[] {
  return targets.sort((a, b) => b.occurrences - a.occurrences); // a stable sort keeps ties in order
}

function skipReason(target: FoundTarget, options: PlanOptions): { reason: string; ipClass?: IpClass } | undefined {
  if (target.problem) return { reason: target.problem };
  if (target.kind === 'cidr') return { reason: 'a network range, not one address' };
  const refused = options.refused ? options.refused.get(target) : options.neverSend && neverSendMatch(target, options.neverSend);
  if (refused) return { reason: skipReasonOf(refused), ...(refused.ipClass ? { ipClass: refused.ipClass } : {}) };
  if (options.skipNonPublic && target.ip && !target.ip.isPublic) {
    return { reason: `non-public address (${target.ip.class})`, ipClass: target.ip.class };
  }
  return undefined;
}
