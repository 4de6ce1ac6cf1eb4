import { BLOCKS_PLAIN, CHAR_CLASSES, classAt, IN_TARGET, NAME, runEnd, runStart, V4, V6 } from './charClasses';
import type { DomainRules } from './domainRules';
import { ipv4FromRun, ipv6FromRun, type ProblemTarget } from './scanIp';
import { detectDefangedLine, detectTargets, detectWithoutDefang, SHORT_LINE } from './scanText';
import type { Target } from './target';
import { lastNewlineIn, newlineIn } from './newlines';
import { defangedTokenSearch, ipv6MarkSearch } from './tokens';
import { isTcpdumpEndpoint, slashSuffix } from './textContext';

/** Where an IP-only scan delivers what it finds, in order of position. */
export interface IpSink {
  /**
   * An IPv4 address written in its canonical form, alone or with a port (`:port`, Cisco's
   * `/port`, tcpdump's fifth number; its text is `text[start, rawEnd)`), with nothing around
   * that could change it or join it to a neighbour, so certain to be in the result:
   * `ipv4FromRun(text, start, end)` gives its target. Handed over as a number so that a repeat
   * costs no string and no object.
   */
  plainIpv4(number: number, start: number, end: number, rawEnd: number): void;
  /** Any other IP target or problem target of the result. */
  target(target: Target & { defanged?: boolean; problem?: string }): void;
}

const RULES: DomainRules = { anyTld: false };

/** Non-ASCII next to an IPv4 run may be a letter (`é1.2.3.4`): not plain. Outside the text: plain. */
function blocksPlain(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return code >= 128 || (CHAR_CLASSES[code] & BLOCKS_PLAIN) !== 0;
}

/**
 * Anything that may start an IPv4 target: four dot-separated numbers of at most three digits
 * (every address, ambiguous one and tcpdump endpoint holds one). V8 runs this far faster than a
 * loop over every character, and `test` builds no match.
 */
const IPV4_HINT = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d/g;

/**
 * The three searches every scan makes, for the benchmark's floor (what no judging can avoid):
 * IPv4 hints, IPv6 marks (only their runs are judged for IPv6) and defanged tokens (a superset:
 * a line with one is sent whole to the full scanner).
 */
export const CANDIDATE_SEARCHES: readonly RegExp[] = [IPV4_HINT, ipv6MarkSearch(), defangedTokenSearch()];

/**
 * Walks the matches of a global regular expression left to right within one range at a time.
 * A regular expression cannot be told where to stop: on the whole text, a search from a
 * range would run on to the next match, as far as the end of the text (a long stall of the
 * extension host in a file without one). It searches a slice of the range instead (V8 makes a
 * slice a view, not a copy).
 */
class MatchCursor {
  private chunk = '';
  private base = 0;
  /** End of the pending match, -1 when none is pending, Infinity when the range has no more. */
  private pendingEnd = -1;

  constructor(
    private readonly regex: RegExp,
    private readonly text: string,
  ) {}

  /** Searches `text[from, to)` from now on. */
  range(from: number, to: number): void {
    this.chunk = this.text.slice(from, to);
    this.base = from;
    this.regex.lastIndex = 0;
    this.pendingEnd = -1;
  }

  /** The end of the next match that ends at or before `limit` (and after `from`), or -1. */
  nextEnd(from: number, limit: number): number {
    if (this.pendingEnd === -1 || this.pendingEnd <= from) {
      const at = from - this.base;
      if (this.regex.lastIndex < at) this.regex.lastIndex = at;
      this.pendingEnd = this.regex.test(this.chunk) ? this.base + this.regex.lastIndex : Infinity;
      if (this.pendingEnd === Infinity) this.regex.lastIndex = this.chunk.length;
    }
    if (this.pendingEnd > limit) return -1;
    const end = this.pendingEnd;
    this.pendingEnd = -1;
    return end;
  }

  /** Go on searching from `index` (past a run already judged). */
  skipTo(index: number): void {
    const at = index - this.base;
    if (this.regex.lastIndex < at) this.regex.lastIndex = at;
    if (this.pendingEnd !== -1 && this.pendingEnd !== Infinity && this.pendingEnd <= index) this.pendingEnd = -1;
  }
}

/**
 * Finds the IP targets (and ambiguous addresses) of a text exactly as `detectTargets` does,
 * in successive line-bounded ranges, much faster for whole files:
 * - a line with a defanged token is scanned whole, refanged (`detectDefangedLine`; a very
 *   long one by `detectTargets`);
 * - a bare canonical IPv4 address with nothing that could join it to a neighbour (most of a
 *   log's addresses) is judged from its characters alone and handed over as a number;
 * - any other candidate is judged with what surrounds it up to the nearest separators
 *   (`detectWithoutDefang` on that stretch), or on its own where nothing else is there.
 */
export class IpScanner {
  private readonly v4: MatchCursor;
  private readonly v6: MatchCursor;
  private readonly defanged: MatchCursor;
  private nextAt = -1;
  /** End of the last plain address handed over: a stretch judged again must not repeat it. */
  private lastPlainEnd = -1;
  /** Pending hits of the current range, by position: [start, end) of each run; v6 runs are negative-coded. */
  private readonly runs: number[] = [];

  constructor(
    private readonly text: string,
    private readonly sink: IpSink,
  ) {
    this.v4 = new MatchCursor(new RegExp(IPV4_HINT.source, 'g'), text);
    this.v6 = new MatchCursor(ipv6MarkSearch(), text);
    this.defanged = new MatchCursor(defangedTokenSearch(), text);
  }

  /** Scans `text[from, to)`; ranges must come in order and end at line breaks (or separators). */
  scan(from: number, to: number): void {
    const text = this.text;
    this.v4.range(from, to);
    this.v6.range(from, to);
    this.defanged.range(from, to);
    let at = from;
    for (;;) {
      const tokenEnd = this.defanged.nextEnd(at, to);
      if (tokenEnd === -1) {
        this.scanClean(at, to);
        return;
      }
      const lineStart = lastNewlineIn(text, at, tokenEnd) + 1 || at;
      const newline = newlineIn(text, tokenEnd, to);
      const lineEnd = newline < 0 ? to : newline + 1;
      this.scanClean(at, lineStart);
      this.scanDefangedLine(lineStart, lineEnd);
      this.defanged.skipTo(lineEnd);
      at = lineEnd;
      if (at >= to) return;
    }
  }

  /** `text[from, to)`: a line (or the part of a long one in this range) with a defanged token. */
  private scanDefangedLine(from: number, to: number): void {
    const text = this.text;
    const lineBreak = text[to - 1] === '\n' ? to - 1 : to;
    const whole = (from === 0 || text[from - 1] === '\n') && (lineBreak < to || to === text.length);
    const { targets, problems } =
      whole && lineBreak - from <= SHORT_LINE
        ? detectDefangedLine(text, RULES, from, lineBreak)
        : detectTargets(text, RULES, from, to, true, false);
    this.emitMerged(targets, problems, -1);
    this.v4.skipTo(to);
    this.v6.skipTo(to);
  }

  /** `text[from, to)`, which has no defanged token. */
  private scanClean(from: number, to: number): void {
    if (from >= to) return;
    const runs = this.collectRuns(from, to);
    for (let i = 0; i < runs.length; i += 2) {
      const code = runs[i];
      const isV6 = code < 0;
      const start = isV6 ? ~code : code;
      const end = runs[i + 1];
      if (!isV6) {
        const number = plainIpv4(this.text, start, end);
        if (number !== -1) {
          this.sink.plainIpv4(number, start, end, plainEnd);
          this.lastPlainEnd = plainEnd;
          continue;
        }
      }
      i = this.judgeSegment(runs, i, from, to);
    }
  }

  /**
   * The IPv4 runs (maximal `[0-9.]` holding four numbers) and IPv6 runs (maximal
   * `[0-9A-Fa-f:.]` with "::" or six colons) of `text[from, to)`, by start, as pairs.
   */
  private collectRuns(from: number, to: number): number[] {
    const text = this.text;
    const v4: number[] = [];
    for (let end = this.v4.nextEnd(from, to); end !== -1; end = this.v4.nextEnd(from, to)) {
      const start = runStart(text, end - 1, from, V4);
      end = runEnd(text, end, to, V4);
      this.v4.skipTo(end);
      v4.push(start, end);
    }
    const runs = this.runs;
    runs.length = 0;
    let k = 0;
    for (let end = this.v6.nextEnd(from, to); end !== -1; end = this.v6.nextEnd(from, to)) {
      const start = runStart(text, end - 1, from, V6);
      end = runEnd(text, end, to, V6);
      this.v6.skipTo(end);
      while (k < v4.length && v4[k] < start) runs.push(v4[k++], v4[k++]);
      runs.push(~start, end);
    }
    while (k < v4.length) runs.push(v4[k++], v4[k++]);
    return runs;
  }

  /**
   * Judges the run at `runs[i]` with whatever shares its stretch between separators; returns
   * the index of the last run it took care of.
   */
  private judgeSegment(runs: number[], i: number, from: number, to: number): number {
    const text = this.text;
    const first = runs[i] < 0 ? ~runs[i] : runs[i];
    const segmentStart = runStart(text, first, from, IN_TARGET);
    const segmentEnd = runEnd(text, runs[i + 1], to, IN_TARGET);
    let last = i;
    while (last + 2 < runs.length && (runs[last + 2] < 0 ? ~runs[last + 2] : runs[last + 2]) < segmentEnd) last += 2;

    if (last === i && !this.hasAt(segmentStart, segmentEnd)) {
      const alone = this.judgeAlone(runs[i], runs[i + 1]);
      if (alone !== undefined) {
        if (alone !== null) this.sink.target(alone);
        return last;
      }
    }
    // Plain addresses earlier in the stretch were handed over already: not again.
    const { targets, problems } = detectWithoutDefang(text, RULES, segmentStart, segmentEnd);
    this.emitMerged(targets, problems, this.lastPlainEnd);
    return last;
  }

  /**
   * A run with no other candidate in its stretch: its own judge decides, unless a host name
   * could start at or before it (`-`, letters or digits around: then undefined). null: nothing.
   */
  private judgeAlone(code: number, end: number): Target | null | undefined {
    const text = this.text;
    if (code < 0) {
      const found = ipv6FromRun(text, ~code, end);
      if (!found) return null;
      return (classAt(text, found.start - 1) & NAME) !== 0 ? undefined : found;
    }
    const found = ipv4FromRun(text, code, end);
    if (!found) return null;
    if ('problem' in found) return undefined; // a host name inside its suffix could hide it
    return (classAt(text, code - 1) & NAME) !== 0 || (classAt(text, end) & NAME) !== 0 ? undefined : found;
  }

  /** An "@" in text[from, to)? (Positions of "@" are looked up once each, left to right.) */
  private hasAt(from: number, to: number): boolean {
    if (this.nextAt !== Infinity && this.nextAt < from) {
      const found = this.text.indexOf('@', from);
      this.nextAt = found < 0 ? Infinity : found;
    }
    return this.nextAt < to;
  }

  /** Targets and problems (each sorted) of the IP kind, merged by position, from `notBefore` on. */
  private emitMerged(targets: Target[], problems: ProblemTarget[], notBefore: number): void {
    let p = 0;
    for (const target of targets) {
      while (p < problems.length && problems[p].start < target.start) this.emit(problems[p++], notBefore);
      this.emit(target, notBefore);
    }
    while (p < problems.length) this.emit(problems[p++], notBefore);
  }

  private emit(target: Target, notBefore: number): void {
    if (target.inputKind === 'ip' && target.start >= notBefore) this.sink.target(target);
  }
}

/**
 * The address of the IPv4 run `text[start, end)` as a number, when the run is a canonical
 * address nothing around can change or join to a neighbour (see IpSink.plainIpv4), alone or
 * with a port (`:port`, Cisco's `/port`, tcpdump's fifth number); else -1. Where its text
 * ends is left in plainEnd. Each shape is one that ipv4FromRun accepts as is (the unit tests
 * compare with the full scan).
 */
export function plainIpv4(text: string, start: number, end: number): number {
  // After "/" only when the word before it is not a product name (`Chrome/120.0.0.0`).
  if (blocksPlain(text, start - 1) && (text.charCodeAt(start - 1) !== 47 || nameOrUnknownAt(text, start - 2))) return -1;
  let number = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || ++dots === 5) return -1; // after a fourth dot: tcpdump's port (checked below)
      number = number * 256 + part;
      part = 0;
      digits = 0;
      continue;
    }
    if (dots === 4) {
      part = Math.min(part * 10 + (code - 48), 100_000);
      digits++;
      continue;
    }
    if (digits > 0 && part === 0) return -1; // a leading zero: ambiguous
    part = part * 10 + (code - 48);
    if (++digits > 3 || part > 255) return -1;
  }
  if (digits === 0) return -1;
  if (dots === 4) {
    // `a.b.c.d.port > e.f.g.h.port:`: the port ends the run; a ":" and a space may follow.
    if (part < 1 || part > 65_535 || !isTcpdumpEndpoint(text, start, end)) return -1;
    if (blocksPlain(text, end) && !(text.charCodeAt(end) === 58 && spaceAt(text, end + 1))) return -1;
    plainEnd = end;
    return number;
  }
  if (dots !== 3) return -1;
  plainEnd = end;
  if (blocksPlain(text, end)) {
    const next = text.charCodeAt(end);
    if (next === 58) plainEnd = plainPortEnd(text, end);
    else if (next === 47) plainEnd = slashPortEnd(text, start, end);
    else return -1;
    if (plainEnd < 0) return -1;
  }
  return number * 256 + part;
}

/** Where the text of the address plainIpv4 accepted last ends: after its port, if it has one. */
let plainEnd = 0;

/** A letter, digit or "_" (which could make a product name), or a character outside ASCII. */
function nameOrUnknownAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 128 || (code < 128 && (CHAR_CLASSES[code] & NAME) !== 0 && code !== 45 && code !== 46);
}

function spaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || code === 9 || code === 10 || code === 13 || code !== code; // NaN: the end
}

/** After `/`: a port (Cisco's `1.2.3.4/443`) or nothing (a path); -1 for a prefix length (a network: not plain). */
function slashPortEnd(text: string, start: number, end: number): number {
  const suffix = slashSuffix(text, end, 32, start);
  if (suffix === undefined) return end;
  return suffix.port === undefined ? -1 : suffix.end;
}

/** The end of a `:port` (1–65535) at `colon` that nothing after can join to a neighbour, else -1. */
function plainPortEnd(text: string, colon: number): number {
  let port = 0;
  let end = colon + 1;
  for (; end < colon + 6; end++) {
    const code = text.charCodeAt(end);
    if (!(code >= 48 && code <= 57)) break;
    port = port * 10 + (code - 48);
  }
  return end > colon + 1 && port >= 1 && port <= 65_535 && !blocksPlain(text, end) ? end : -1;
}
