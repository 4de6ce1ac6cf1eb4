import { CHAR_CLASSES, NAME, runEnd, runStart, TOKEN_START, TRIGGER, V4, V6 } from './charClasses';
import { findEdits, RefangedText } from './defang';
import type { DomainRules } from './domainRules';
import { ipv4FromRun, ipv6FromRun, type ProblemTarget } from './scanIp';
import { lastNewlineIn, newlineIn } from './newlines';
import { domainFromRun, emailAt } from './scanNames';
import type { Target } from './target';
import { bracketTokenAt, DEFANGED_TOKEN_SOURCE, defangedSchemeEndingAt, ipv6MarkSearch } from './tokens';

/** What a scan of a text (or a range of it) found. */
export interface Detected {
  /** In order and without overlaps (the earliest, then the longest, wins). */
  targets: Array<Target & { defanged?: boolean }>;
  /** Found but not to be sent (e.g. ambiguous addresses), in order, overlapping no target. */
  problems: Array<ProblemTarget & { defanged?: boolean }>;
}

const DOT = 46;
const COLON = 58;
const AT = 64;
const SLASH = 47;
const HYPHEN = 45;
const NEWLINE = 10;
/** A defanged window reaches this far around its tokens on a long line; its edges are not trusted. */
const WINDOW_REACH = 1024;
const EDGE = 64;

/**
 * Finds every target in `text[from, to)` in one pass over its character codes: only a dot,
 * colon or "@" can start the (exact, unchanged) judging of the run around it, so most of
 * the text costs one table lookup per character. `from` and `to` should be line boundaries
 * (a run never crosses one); look-arounds may read the text outside them.
 */
export function detectTargets(text: string, rules: DomainRules, from = 0, to = text.length, defang = true, allDomains = true): Detected {
  const byRegex = !allDomains && safeBoundary(text, from) && safeBoundary(text, to);
  return detect(text, rules, from, to, defang, allDomains, byRegex);
}

/**
 * detectTargets without defanged forms and without domains (judged only where they touch
 * another target), by the character loop, which stays within `[from, to)`: for short
 * stretches, where the regular expressions would search on past `to`.
 */
export function detectWithoutDefang(text: string, rules: DomainRules, from: number, to: number): Detected {
  return detect(text, rules, from, to, false, false, false);
}

function detect(
  text: string,
  rules: DomainRules,
  from: number,
  to: number,
  defang: boolean,
  allDomains: boolean,
  byRegex: boolean,
): Detected {
  const candidates: Array<Target & { defanged?: boolean }> = [];
  const problems: Array<ProblemTarget & { defanged?: boolean }> = [];
  const tokens: number[] = [];
  if (byRegex) scanByRegex(text, from, to, defang, candidates, problems, tokens);
  else scanByCharacter(text, rules, from, to, defang, allDomains, candidates, problems, tokens);

  sortNearlySorted(candidates);
  sortNearlySorted(problems);
  if (!allDomains) addDomainsTouching(text, rules, from, to, candidates, problems);
  if (tokens.length > 0) replaceDefangedWindows(text, rules, from, to, tokens, candidates, problems, allDomains);
  const targets = withoutOverlaps(candidates);
  return { targets, problems: problems.length ? problemsClearOf(problems, targets) : problems };
}

/** A whole line this short is one window of replaceDefangedWindows, wherever its tokens are. */
export const SHORT_LINE = WINDOW_REACH;

/**
 * What detectTargets (without domains) finds on the line `text[lineStart, lineEnd)` (without
 * its line break, at most SHORT_LINE long) that holds a defanged token: what it finds in the
 * refanged line, put back at the original offsets. (replaceDefangedWindows, for one window.)
 */
export function detectDefangedLine(text: string, rules: DomainRules, lineStart: number, lineEnd: number): Detected {
  const view = new RefangedText(text, lineStart, lineEnd, findEdits(text, lineStart, lineEnd));
  const inner = detectWithoutDefang(view.text, rules, 0, view.text.length);
  const place = <T extends Target>(target: T): T => inOriginal(text, view, target, view.startInOriginal(target.start));
  const targets = withoutOverlaps(inner.targets.map(place));
  const problems = inner.problems.map(place);
  return { targets, problems: problems.length ? problemsClearOf(problems, targets) : problems };
}

/** The scanner's main pass: one table lookup per character, judging the runs around each dot, colon and "@". */
function scanByCharacter(
  text: string,
  rules: DomainRules,
  from: number,
  to: number,
  defang: boolean,
  allDomains: boolean,
  candidates: Target[],
  problems: ProblemTarget[],
  tokens: number[],
): void {
  let v4Done = from;
  let v6Done = from;
  let nameDone = from;

  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((CHAR_CLASSES[code] & TRIGGER) === 0) continue;
    if (code === DOT) {
      if (i >= v4Done) {
        const start = runStart(text, i, from, V4);
        const end = runEnd(text, i + 1, to, V4);
        v4Done = end;
        if (end - start >= 7) {
          const found = ipv4FromRun(text, start, end);
          if (found) ('problem' in found ? problems : candidates).push(found);
        }
      }
      if (allDomains && i >= nameDone) {
        const start = runStart(text, i, from, NAME);
        const end = runEnd(text, i + 1, to, NAME);
        nameDone = end;
        const found = domainFromRun(text, start, end, rules);
        if (found) candidates.push(found);
      }
    } else if (code === COLON) {
      if (i >= v6Done) {
        const start = runStart(text, i, from, V6);
        let colons = 0;
        let double = false;
        let end = start;
        for (; end < to; end++) {
          const c = text.charCodeAt(end);
          if ((CHAR_CLASSES[c] & V6) === 0) break;
          if (c === COLON) {
            colons++;
            if (text.charCodeAt(end - 1) === COLON && end > start) double = true;
          }
        }
        v6Done = end;
        // ipaddr.js accepts nothing with fewer than six colons unless it has "::".
        if (double || colons >= 6) {
          const found = ipv6FromRun(text, start, end);
          if (found) candidates.push(found);
        }
      }
      if (defang && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH && defangedSchemeEndingAt(text, i)) tokens.push(i);
    } else if (code === AT) {
      const found = emailAt(text, i);
      if (found) candidates.push(found);
    } else if (defang && bracketTokenAt(text, i)) {
      tokens.push(i);
    }
  }
}

/** No run (of digits, hex, name characters) crosses a slice boundary here: both passes see the same runs. */
function safeBoundary(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || CHAR_CLASSES[text.charCodeAt(at)] === 0 || CHAR_CLASSES[text.charCodeAt(at - 1)] === 0;
}

/**
 * Maximal runs of `[0-9.]` at least 7 long, each "@", each defanged token (`[.]`, `(dot)`,
 * `[at]`, … and `hxxp(s)` before `://`): the same places scanByCharacter judges for IPv4,
 * emails and tokens (their characters never overlap, so one alternation finds them all).
 */
const IPV4_EMAIL_TOKEN = new RegExp(`[0-9.]{7,}|@|${DEFANGED_TOKEN_SOURCE}`, 'gi');
/** In the run around each mark scanByCharacter judges IPv6. */
const IPV6_MARK = ipv6MarkSearch();

/**
 * The same candidates as scanByCharacter without domains (which callers without `allDomains`
 * judge later, only where they matter), found by V8's compiled regular expressions instead
 * of a loop in JavaScript. Needs boundaries no run crosses (safeBoundary).
 */
function scanByRegex(
  text: string,
  from: number,
  to: number,
  defang: boolean,
  candidates: Target[],
  problems: ProblemTarget[],
  tokens: number[],
): void {
  // The searches run on a view of text[from, to) (V8 slices without copying): on the whole
  // text, a search with nothing left in the range would run on to the next match, as far as
  // the end of the text, for every range of a file.
  const range = from === 0 && to === text.length ? text : text.slice(from, to);
  const v6: Target[] = [];
  IPV6_MARK.lastIndex = 0;
  for (let match = IPV6_MARK.exec(range); match; match = IPV6_MARK.exec(range)) {
    const start = runStart(text, from + match.index, from, V6);
    const end = runEnd(text, from + match.index + match[0].length, to, V6);
    IPV6_MARK.lastIndex = end - from;
    const found = ipv6FromRun(text, start, end);
    if (found) v6.push(found);
  }
  IPV4_EMAIL_TOKEN.lastIndex = 0;
  for (let match = IPV4_EMAIL_TOKEN.exec(range); match; match = IPV4_EMAIL_TOKEN.exec(range)) {
    const start = from + match.index;
    const first = text.charCodeAt(start);
    if (first === AT) {
      const found = emailAt(text, start);
      if (found) candidates.push(found);
    } else if ((CHAR_CLASSES[first] & V4) !== 0) {
      const found = ipv4FromRun(text, start, start + match[0].length);
      if (found) ('problem' in found ? problems : candidates).push(found);
    } else if (defang) {
      if ((CHAR_CLASSES[first] & TOKEN_START) !== 0) tokens.push(start);
      else if (defangedSchemeEndingAt(text, start + match[0].length)) tokens.push(start + match[0].length);
    }
  }
  if (v6.length > 0) {
    sortNearlySorted(candidates);
    mergeSorted(candidates, v6);
  }
}

/**
 * Without `allDomains` (a caller that wants no domains), a domain is only judged where it
 * could change which other target wins: in a name run that touches an IP, an ambiguous
 * address or an email. Any other domain overlaps nothing kept (name runs are disjoint), so
 * the targets of the other kinds come out exactly as with every domain judged.
 */
function addDomainsTouching(text: string, rules: DomainRules, from: number, to: number, candidates: Target[], problems: Target[]): void {
  const domains: Target[] = [];
  // Runs are met left to right, except around overlapping candidates: the starts stay sorted.
  const judged: number[] = [];
  const visit = (target: Target) => {
    for (let i = Math.max(target.start, from); i < target.end && i < to; i++) {
      if ((CHAR_CLASSES[text.charCodeAt(i)] & NAME) === 0) continue;
      const start = runStart(text, i, from, NAME);
      const end = runEnd(text, i + 1, to, NAME);
      i = end;
      if (!mayBeDomain(text, start, end)) continue; // most runs here: digits and dots only
      const last = judged.length ? judged[judged.length - 1] : -1;
      if (start === last || (start < last && sortedIncludes(judged, start))) continue;
      if (start > last) judged.push(start);
      else judged.splice(sortedIndex(judged, start), 0, start);
      const found = domainFromRun(text, start, end, rules);
      if (found) domains.push(found);
    }
  };
  for (const target of candidates) visit(target);
  for (const problem of problems) visit(problem);
  if (domains.length === 0) return;
  sortNearlySorted(domains);
  mergeSorted(candidates, domains);
}

/** domainFromRun's first test, cheaply: the run, trimmed of dots and hyphens, has a dot followed by a letter last. */
function mayBeDomain(text: string, start: number, end: number): boolean {
  let last = end;
  while (last > start && (text.charCodeAt(last - 1) === DOT || text.charCodeAt(last - 1) === HYPHEN)) last--;
  for (let i = last - 1; i > start; i--) {
    if (text.charCodeAt(i - 1) !== DOT) continue;
    const letter = text.charCodeAt(i) | 32;
    return letter >= 97 && letter <= 122;
  }
  return false;
}

function sortedIndex(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const sortedIncludes = (values: number[], value: number) => values[sortedIndex(values, value)] === value;

/** Merges the sorted `extra` into the sorted `targets`, in place, from the end (no copy; on ties `targets` first). */
function mergeSorted<T extends Target>(targets: T[], extra: T[]): void {
  let i = targets.length - 1;
  let j = extra.length - 1;
  targets.length += extra.length;
  for (let k = targets.length - 1; j >= 0; k--) {
    if (i >= 0 && before(extra[j], targets[i]) < 0) targets[k] = targets[i--]!;
    else targets[k] = extra[j--]!;
  }
}

/** Old order of precedence for targets with the same span: IPv6, IPv4, email, domain. */
function precedence(target: Target): number {
  if (target.inputKind === 'ip') return target.ip?.version === 6 ? 0 : 1;
  return target.inputKind === 'email' ? 2 : 3;
}

/** `candidates` sorted; keeps the earliest, then the longest, of overlapping ones. */
function withoutOverlaps<T extends Target>(candidates: T[]): T[] {
  // In place: a second array of a whole file's targets would only give the collector work.
  let kept = 0;
  for (const candidate of candidates) {
    if (kept === 0 || candidate.start >= candidates[kept - 1].end) candidates[kept++] = candidate;
  }
  candidates.length = kept;
  return candidates;
}

/** Problems (ambiguous addresses) that no real target overlaps; a real target always wins. */
function problemsClearOf<T extends Target>(problems: T[], sorted: Target[]): T[] {
  const clear: T[] = [];
  let t = 0;
  for (const problem of problems) {
    while (t < sorted.length && sorted[t].end <= problem.start) t++;
    if (t < sorted.length && sorted[t].start < problem.end) continue;
    clear.push(problem);
  }
  return clear;
}

/**
 * Around defanged tokens, the refanged text decides: each line (or a window of a long line)
 * with a token is scanned again with the tokens undone, and what it finds replaces what the
 * plain scan found there. Targets keep `raw` and offsets in the original text.
 */
function replaceDefangedWindows(
  text: string,
  rules: DomainRules,
  from: number,
  to: number,
  tokens: number[],
  candidates: Target[],
  problems: ProblemTarget[],
  allDomains: boolean,
): void {
  const zones: Array<[number, number]> = [];
  const found: Target[] = [];
  const foundProblems: ProblemTarget[] = [];
  let k = 0;
  while (k < tokens.length) {
    const first = tokens[k];
    // A window may reach past the range (into a long line's other slices): look-arounds read
    // outside it too. Only its zone, where it decides, stays within [from, to).
    // Its line's start or the reach before the first token, its line's end or the reach after the last.
    const floor = Math.max(0, first - WINDOW_REACH);
    const lineBreak = lastNewlineIn(text, floor, first);
    const start = lineBreak < 0 ? floor : lineBreak + 1;
    const cutStart = lineBreak < 0 && floor > 0 && text.charCodeAt(floor - 1) !== NEWLINE;
    let end: number;
    let cutEnd: boolean;
    do {
      const reach = Math.min(text.length, tokens[k] + WINDOW_REACH);
      const newline = newlineIn(text, tokens[k], reach);
      end = newline < 0 ? reach : newline;
      cutEnd = newline < 0 && reach < text.length && text.charCodeAt(reach) !== NEWLINE;
      k++;
    } while (k < tokens.length && tokens[k] < end - EDGE);
    // Zones do not overlap, so each target comes from one window only.
    const zoneStart = Math.max(cutStart ? start + EDGE : start, zones.length ? zones[zones.length - 1][1] : from, from);
    const zoneEnd = Math.min(cutEnd ? end - EDGE : end, to);
    if (zoneEnd <= zoneStart) continue;
    zones.push([zoneStart, zoneEnd]);

    const view = new RefangedText(text, start, end, findEdits(text, start, end));
    const inner = detectTargets(view.text, rules, 0, view.text.length, false, allDomains);
    const place = <T extends Target>(target: T, into: T[]) => {
      const start = view.startInOriginal(target.start);
      if (start >= zoneStart && start < zoneEnd) into.push(inOriginal(text, view, target, start));
    };
    for (const target of inner.targets) place(target, found);
    for (const problem of inner.problems) place(problem, foundProblems);
  }
  filterOutsideZones(candidates, zones, found);
  filterOutsideZones(problems, zones, foundProblems);
}

/** Drops the (sorted) targets that start in a zone (sorted, disjoint), then merges in the (sorted) replacements. */
function filterOutsideZones<T extends Target>(targets: T[], zones: ReadonlyArray<[number, number]>, replacements: T[]): void {
  let kept = 0;
  let z = 0;
  for (const target of targets) {
    while (z < zones.length && zones[z][1] <= target.start) z++;
    if (z < zones.length && zones[z][0] <= target.start) continue;
    targets[kept++] = target;
  }
  targets.length = kept;
  if (replacements.length > 0) mergeSorted(targets, replacements);
}

/** A target found in a refanged view, back at its offsets (it starts at `start`) and with its text in the original. */
function inOriginal<T extends Target>(text: string, view: RefangedText, target: T, start: number): T {
  const end = view.endInOriginal(target.end);
  return moved(target, start, end, text.slice(start, end), view.isDefanged(target.start, target.end));
}

/** A copy of `target` at other offsets (spelled out: spreading targets of many shapes is slow). */
function moved<T extends Target & { problem?: string }>(target: T, start: number, end: number, raw: string, defanged: boolean): T {
  const copy: Target & { problem?: string } = { kind: target.kind, value: target.value, raw, start, end, inputKind: target.inputKind };
  if (target.ip) copy.ip = target.ip;
  if (target.problem !== undefined) copy.problem = target.problem;
  if (defanged) copy.defanged = true;
  return copy as T;
}

const before = (a: Target, b: Target) => a.start - b.start || b.end - a.end || precedence(a) - precedence(b);

/**
 * Sorts by start (then longest first, then precedence). Candidates are found almost in
 * order, so an insertion sort does about one comparison each, where a full sort would not.
 */
function sortNearlySorted(targets: Target[]): void {
  for (let i = 1; i < targets.length; i++) {
    const target = targets[i];
    if (before(targets[i - 1], target) <= 0) continue;
    let j = i - 1;
    while (j >= 0 && before(targets[j], target) > 0) {
      targets[j + 1] = targets[j]!;
      j--;
    }
    targets[j + 1] = target;
  }
}
