import type { FoundTarget } from '../../../src/core/bulk/extract';

/** Everything a caller can see of a target (and of one found in bulk: defanged, its problem), as one comparable line. */
export const describeTarget = (t: FoundTarget): string =>
  [
    t.kind,
    t.value,
    t.raw,
    t.start,
    t.end,
    t.inputKind,
    t.ip?.version,
    t.ip?.class,
    t.ip?.isPublic,
    t.ip?.port,
    t.ip?.zone,
    t.ip?.prefixLength,
    t.ip?.network,
    t.defanged === true,
    t.problem ?? '',
  ].join('|');
