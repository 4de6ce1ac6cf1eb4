import type { InputKind } from '../catalog/toolDefinition';
import { newlineIn } from '../indicators/newlines';
import { firstLineCut } from './lineCuts';
import { detectTargets } from '../indicators/scanText';
import type { Target } from '../indicators/target';

/**
 * A target found for a bulk run. `raw` is the text as written (`1[.]1[.]1[.]1`), `value` what
 * would be sent (`1.1.1.1`). With `problem` it must not be sent (e.g. an IPv4 with leading
 * zeros, which is ambiguous): list it as skipped with that reason.
 */
export interface FoundTarget extends Target {
  defanged?: boolean;
  problem?: string;
}

const SCANNED_KINDS: readonly InputKind[] = ['ip', 'email', 'domain'];

/** Every target in order (all occurrences, not deduped), restricted to the given input kinds (all kinds when omitted). */
export function extractTargets(text: string, kinds?: readonly InputKind[]): FoundTarget[] {
  if (!wantsAny(kinds)) return [];
  const { targets, problems } = detectTargets(text, { anyTld: false }, 0, text.length, true, wantsDomains(kinds));
  if (problems.length === 0) return keepKinds(targets, kinds);
  const found: FoundTarget[] = [];
  mergeInto(found, targets, problems, kinds);
  return found;
}

/** `targets` with only the wanted kinds, filtered in place. */
function keepKinds(targets: FoundTarget[], kinds: readonly InputKind[] | undefined): FoundTarget[] {
  if (!kinds) return targets;
  let kept = 0;
  for (const target of targets) if (kinds.includes(target.inputKind)) targets[kept++] = target;
  targets.length = kept;
  return targets;
}

/** Aim for slices this long: well under the 100 ms the extension host may be held. */
const SLICE_TARGET_MS = 15;
const FIRST_SLICE = 64 * 1024;
const MIN_SLICE = 16 * 1024;
const MAX_SLICE = 256 * 1024;

/** Options of the sliced scans: cancellation and progress. */
export interface SliceOptions {
  signal?: AbortSignal;
  onProgress?: (scanned: number, total: number) => void;
}

/**
 * The same, in slices at line boundaries, yielding to the event loop between slices (no slice over ~50 ms on a 20 MB document), cancellable.
 * Slice sizes adapt to the measured speed. Rejects with the signal's reason when aborted.
 */
export async function extractTargetsInChunks(
  text: string,
  kinds: readonly InputKind[] | undefined,
  options: SliceOptions = {},
): Promise<FoundTarget[]> {
  const found: FoundTarget[] = [];
  await scanInSlices(text, kinds, options, (slice) => {
    for (const target of slice) found.push(target);
  });
  return found;
}

/**
 * Scans in slices as extractTargetsInChunks does, handing each slice's targets (in order) to
 * `sink` instead of keeping them: a caller that dedupes holds only what it keeps.
 */
export async function scanInSlices(
  text: string,
  kinds: readonly InputKind[] | undefined,
  options: SliceOptions,
  sink: (found: FoundTarget[]) => void,
  start = 0,
  end = text.length,
): Promise<void> {
  if (!wantsAny(kinds)) {
    options.signal?.throwIfAborted();
    options.onProgress?.(end - start, end - start);
    return;
  }
  await forEachSlice(text, options, (from, to) => sink(extractRange(text, from, to, kinds)), start, end);
}

/**
 * Hands `scanRange` `text[from, to)` (all of it by default) in slices at line boundaries, in
 * order, yielding to the event loop between slices; slice sizes adapt to the measured speed.
 * Progress counts from `from`. Rejects with the signal's reason when aborted.
 */
export async function forEachSlice(
  text: string,
  options: SliceOptions,
  scanRange: (from: number, to: number) => void,
  start = 0,
  end = text.length,
): Promise<void> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  let size = FIRST_SLICE;
  for (let from = start; from < end;) {
    const to = sliceEnd(text, from, size, end);
    const started = performance.now();
    scanRange(from, to);
    const took = performance.now() - started;
    // Next slice: as many characters as fit in the target time at this slice's speed, growing
    // at most twofold (a sparse stretch says little about a dense one) and capped.
    const fits = Math.round(((to - from) * SLICE_TARGET_MS) / Math.max(took, 1));
    size = Math.min(MAX_SLICE, 2 * size, Math.max(MIN_SLICE, fits));
    from = to;
    onProgress?.(from - start, end - start);
    if (from < end) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  }
}

/** The same slices in one synchronous pass (no yielding), for callers off the extension host's loop. */
export function scanInSlicesSync(text: string, kinds: readonly InputKind[] | undefined, sink: (found: FoundTarget[]) => void): void {
  if (wantsAny(kinds)) forEachSliceSync(text, (from, to) => sink(extractRange(text, from, to, kinds)));
}

/** forEachSlice in one synchronous pass. */
export function forEachSliceSync(text: string, scanRange: (from: number, to: number) => void): void {
  for (let from = 0; from < text.length;) {
    const to = sliceEnd(text, from, SYNC_SLICE, text.length);
    scanRange(from, to);
    from = to;
  }
}

const SYNC_SLICE = 1024 * 1024;

function wantsDomains(kinds: readonly InputKind[] | undefined): boolean {
  return !kinds || kinds.includes('domain');
}

function wantsAny(kinds: readonly InputKind[] | undefined): boolean {
  return !kinds || kinds.some((kind) => SCANNED_KINDS.includes(kind));
}

/**
 * Where a slice starting at `from` (of a range ending at `end`) should end: after a line
 * break (no target or look-around crosses one), else where a very long line may be cut (see
 * lineCuts.ts), else at the next line break however far.
 */
function sliceEnd(text: string, from: number, size: number, end: number): number {
  const wanted = from + size;
  if (wanted >= end) return end;
  const newline = newlineIn(text, wanted, Math.min(end, wanted + LINE_REACH));
  if (newline >= 0) return newline + 1;
  const separator = firstLineCut(text, wanted, Math.min(end, wanted + CUT_REACH));
  if (separator >= 0) return separator;
  const farNewline = newlineIn(text, wanted, end);
  return farNewline >= 0 ? farNewline + 1 : end;
}

/** A line break this far past the wanted size ends the slice; else a long line is cut. */
const LINE_REACH = 256 * 1024;
const CUT_REACH = 64 * 1024;

/** Targets and problem targets of text[from, to), in order. */
function extractRange(text: string, from: number, to: number, kinds: readonly InputKind[] | undefined): FoundTarget[] {
  const { targets, problems } = detectTargets(text, { anyTld: false }, from, to, true, wantsDomains(kinds));
  if (problems.length === 0) return keepKinds(targets, kinds);
  const found: FoundTarget[] = [];
  mergeInto(found, targets, problems, kinds);
  return found;
}

/** Appends targets and problem targets, merged by position, of the wanted kinds. */
function mergeInto(found: FoundTarget[], targets: FoundTarget[], problems: FoundTarget[], kinds: readonly InputKind[] | undefined): void {
  const wanted = (target: FoundTarget) => !kinds || kinds.includes(target.inputKind);
  let p = 0;
  for (const target of targets) {
    while (p < problems.length && problems[p].start < target.start) {
      if (wanted(problems[p])) found.push(problems[p]);
      p++;
    }
    if (wanted(target)) found.push(target);
  }
  for (; p < problems.length; p++) if (wanted(problems[p])) found.push(problems[p]);
}
