import type { InputKind } from '../catalog/toolDefinition';
import { detached } from '../indicators/detached';
import { dottedQuad } from '../indicators/dottedQuad';
import { ipv4FromRun } from '../indicators/scanIp';
import { IpScanner, type IpSink } from '../indicators/scanIpsFast';
import { Ipv4Table } from './ipv4Table';
import { forEachSlice, forEachSliceSync, scanInSlices, scanInSlicesSync, type FoundTarget, type SliceOptions } from './extract';
import type { TextPiece } from './linePieces';

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
 * More different targets than any bulk run could check (a million calls take weeks at the
 * usual cooldowns), and ~300 MB of the extension host, which every extension shares: a scan
 * stops there, and the user is asked to check a part.
 */
export const MAX_UNIQUE_TARGETS = 1_000_000;

/** A text with more different targets than a scan keeps (see MAX_UNIQUE_TARGETS). */
export class TooManyTargetsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit.toLocaleString('en-US')} different targets`);
    this.name = 'TooManyTargetsError';
  }
}

/** Options of the unique scans: those of the sliced scans, and how many different targets to keep at most. */
export interface UniqueScanOptions extends SliceOptions {
  maxUnique?: number;
}

/**
 * The targets of the given kinds, one per unique kind and value (`1.1.1.1` and
 * `1.1.1[.]1:53` are one; the CIDR `10.0.0.0/8` and the address `10.0.0.0` are two), in
 * order of first occurrence. Memory grows with the unique targets, not with the occurrences:
 * the bulk path needs nothing more.
 */
export function extractUniqueTargets(text: string, kinds?: readonly InputKind[], maxUnique = MAX_UNIQUE_TARGETS): UniqueTarget[] {
  const unique = new UniqueCollector(text, maxUnique);
  // Slices bound the short-lived per-occurrence objects; the collector keeps only the unique ones.
  if (onlyIps(kinds)) {
    const scanner = new IpScanner(text, unique);
    forEachSliceSync(text, (from, to) => scanner.scan(from, to));
  } else {
    scanInSlicesSync(text, kinds, (found) => unique.add(found));
  }
  return unique.result();
}

/** The same, in slices that yield to the event loop (see extractTargetsInChunks); cancellable. */
export async function extractUniqueTargetsInChunks(
  text: string,
  kinds: readonly InputKind[] | undefined,
  options: UniqueScanOptions = {},
): Promise<UniqueTarget[]> {
  const unique = new UniqueCollector(text, options.maxUnique);
  if (onlyIps(kinds)) {
    const scanner = new IpScanner(text, unique);
    await forEachSlice(text, options, (from, to) => scanner.scan(from, to));
  } else {
    await scanInSlices(text, kinds, options, (found) => unique.add(found));
  }
  return unique.result();
}

/**
 * The same for a text that comes in pieces (a file read in parts: see linePieces), in slices
 * that yield to the event loop; cancellable. Offsets are those in the whole text. Only the
 * current piece and the unique targets are held.
 */
export async function extractUniqueTargetsFromPieces(
  pieces: AsyncIterable<TextPiece>,
  kinds: readonly InputKind[] | undefined,
  options: UniqueScanOptions = {},
): Promise<UniqueTarget[]> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const unique = new UniqueCollector('', options.maxUnique);
  let bytesDone = 0;
  for await (const piece of pieces) {
    signal?.throwIfAborted();
    unique.read(piece.text, piece.offset);
    const before = bytesDone;
    const bytes = piece.bytesRead - before;
    bytesDone = piece.bytesRead;
    const sliced: SliceOptions = {
      ...(signal ? { signal } : {}),
      // Progress in bytes of the file: those read for this piece, as its slices get through it.
      onProgress: (scanned, total) => onProgress?.(before + Math.round(bytes * (total > 0 ? scanned / total : 1)), piece.totalBytes),
    };
    if (onlyIps(kinds)) {
      const scanner = new IpScanner(piece.text, unique);
      await forEachSlice(piece.text, sliced, (from, to) => scanner.scan(from, to), piece.from, piece.to);
    } else {
      await scanInSlices(piece.text, kinds, sliced, (found) => unique.add(found), piece.from, piece.to);
    }
  }
  return unique.result();
}

/** IP tools (most bulk runs) take the IP-only scanner, which is many times faster on whole files. */
function onlyIps(kinds: readonly InputKind[] | undefined): boolean {
  return kinds !== undefined && kinds.includes('ip') && !kinds.includes('email') && !kinds.includes('domain');
}

// Matches anything (the empty string here): its only use is to make V8 forget the last matched subject.
// eslint-disable-next-line regexp/no-empty-group -- an empty pattern is the point
const FORGET_LAST_MATCH = /(?:)/;

class UniqueCollector implements IpSink {
  /** IPv4 addresses (not CIDRs, not ambiguous ones) by their number; everything else by key. */
  private readonly byIpv4 = new Ipv4Table<UniqueTarget>();
  private readonly byKey = new Map<string, UniqueTarget>();
  /** In order of first occurrence. */
  private readonly order: UniqueTarget[] = [];

  /** Where `text` begins in the whole text (a file scanned in pieces). */
  private offset = 0;

  constructor(
    private text: string,
    private readonly maxUnique = MAX_UNIQUE_TARGETS,
  ) {}

  /** From now on the targets come from `text`, which begins at `offset` in the whole text. */
  read(text: string, offset: number): void {
    this.text = text;
    this.offset = offset;
  }

  add(found: readonly FoundTarget[]): void {
    for (const target of found) this.target(target);
  }

  plainIpv4(number: number, start: number, end: number, rawEnd: number): void {
    const known = this.byIpv4.get(number);
    if (known === undefined) {
      this.first(ipv4FromRun(this.text, start, end) as FoundTarget, number);
      return;
    }
    known.count++;
    if (known.raws.length >= MAX_RAWS) return; // (most repeats of a busy address: no string at all)
    // Without a port its text is its value (the same address, so the same length means the same text).
    const raw = rawEnd - start === known.value.length ? known.value : this.text.slice(start, rawEnd);
    if (raw !== known.raw) this.addRaw(known, raw);
  }

  target(target: FoundTarget): void {
    const number = target.kind === 'ipv4' && target.problem === undefined ? (dottedQuad(target.value, 0) ?? -1) : -1;
    const known = number >= 0 ? this.byIpv4.get(number) : this.byKey.get(keyOf(target));
    if (known === undefined) this.first(target, number);
    else {
      known.count++;
      if (target.raw !== known.raw) this.addRaw(known, target.raw);
    }
  }

  private first(target: FoundTarget, number: number): void {
    if (this.order.length >= this.maxUnique) throw new TooManyTargetsError(this.maxUnique);
    const first = target as UniqueTarget;
    // An IPv6 value is written anew (RFC 5952), never a slice of the text: no copy needed.
    first.value = target.kind === 'ipv6' ? target.value : detached(target.value);
    first.raw = target.raw === target.value ? first.value : detached(target.raw);
    // A CIDR's network and a zone are slices too (shared details of plain addresses are not).
    if (first.ip?.network !== undefined) first.ip.network = first.value;
    if (first.ip?.zone !== undefined) first.ip.zone = detached(first.ip.zone);
    first.count = 1;
    first.raws = [first.raw];
    first.start += this.offset;
    first.end += this.offset;
    if (number >= 0) this.byIpv4.add(number, first);
    else this.byKey.set(keyOf(first), first);
    this.order.push(first);
  }

  private addRaw(known: UniqueTarget, raw: string): void {
    if (known.raws.length < MAX_RAWS && !known.raws.includes(raw)) known.raws.push(detached(raw));
  }

  result(): UniqueTarget[] {
    // V8 keeps the last subject of a successful match (RegExp.input): the whole scanned text.
    FORGET_LAST_MATCH.exec('');
    this.text = '';
    return this.order;
  }
}

/** Values of different kinds never look alike, except a CIDR's network and that address. */
function keyOf(target: FoundTarget): string {
  return target.kind === 'cidr' ? `cidr\u0000${target.value}` : target.value;
}
