import { extractTargets, type FoundTarget } from '../bulk/extract';
import { findEdits } from '../indicators/defang';
import type { Edit } from '../indicators/tokens';
import type { Target } from '../indicators/target';

/**
 * The text with every indicator the scanners find (IPs, domains, emails, the host of a URL)
 * written defanged, as reports share them: `1[.]2[.]3[.]4`, `evil[.]com`, `bob[@]evil[.]com`,
 * `2001[:]db8[:][:]1`, and `hxxp(s)://` for a URL's scheme. What is defanged already stays as
 * it is; everything else is unchanged. Linear in the text's length.
 */
export function defangText(text: string): string {
  return defangWithTargets(text, extractTargets(text));
}

/** defangText with the text's targets found beforehand (extractTargetsInChunks: a large selection in slices). */
export function defangWithTargets(text: string, targets: readonly FoundTarget[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const target of targets) {
    if (target.defanged || target.problem) continue;
    pieces.push(defangSchemesIn(text.slice(at, target.start)), defangRaw(target));
    at = target.end;
  }
  pieces.push(defangSchemesIn(text.slice(at)));
  return pieces.join('');
}

/** One target's text, defanged (a port, prefix or brackets around it stay as written). */
export function defangRaw(target: Pick<Target, 'raw' | 'kind'>): string {
  // Only the address's colons: not a port's after `]` (`[2606:4700::1]:443`).
  if (target.kind === 'ipv6')
    return target.raw.replace(/^(\[?)([^\]]*)/, (_m, open: string, address: string) => open + address.replace(/:/g, '[:]'));
  const raw = target.raw.replace(/\./g, '[.]');
  return target.kind === 'email' ? raw.replace('@', '[@]') : raw;
}

/** `http://` and `https://` before a host become `hxxp://`, `hxxps://`. */
function defangSchemesIn(text: string): string {
  return text.replace(/\b(h)tt(ps?:\/\/)/gi, (_match, h: string, rest: string) => `${h}xx${rest}`);
}

/**
 * The text with the defanged spellings of its indicators undone (`1[.]2[.]3[.]4`, `evil(dot)com`,
 * `bob [at] corp [dot] com`, `evil\.com`, `1[.2`, `hxxps[://]`, …), exactly: only tokens inside
 * an indicator the scanners accept (and the `hxxp` schemes of URLs) are replaced, so `5[.]6[.]7[.]8[.]9`
 * or a regex's `a\.b` that is no address or host stay as they are. Linear in the text's length.
 */
export function refangText(text: string): string {
  return refangWithTargets(text, extractTargets(text));
}

/** A defanged URL scheme (`hxxp`, `hxxps` before `://` or `[://]`) or a defanged `[://]`. */
const DEFANGED_SCHEME = /\bhxxps?(?=:\/\/|\[:\/\/\])|\[:\/\/\]/gi;

/**
 * refangText with the text's targets found beforehand. The tokens are looked for only inside
 * the defanged targets (and the schemes by one search), so the work is bounded by what was found.
 */
export function refangWithTargets(text: string, targets: readonly FoundTarget[]): string {
  const edits: Edit[] = [];
  for (const target of targets) if (target.defanged) edits.push(...findEdits(text, target.start, target.end));
  DEFANGED_SCHEME.lastIndex = 0;
  for (let match = DEFANGED_SCHEME.exec(text); match; match = DEFANGED_SCHEME.exec(text)) {
    const token = match[0];
    // `hxxps` → `https`, `HXXP` → `HTTP`: the letters keep their case.
    const replacement = token === '[://]' ? '://' : token.replace(/xx/i, (xx) => (xx === 'XX' ? 'TT' : 'tt'));
    edits.push({ start: match.index, end: match.index + token.length, replacement });
  }
  edits.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // inside an edit already made
    pieces.push(text.slice(at, edit.start), edit.replacement);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
