import type { DomainRules } from './domainRules';
import { scanIpv4, scanIpv6 } from './scanIp';
import { scanDomains, scanEmails } from './scanNames';
import type { Target } from './target';

export { classifyIp } from './classifyIp';

/** How far around the cursor `detectAt` looks: more than the longest target (a 253-character domain). */
const AT_WINDOW = 512;
const OPENERS = `"'\`([{<`;
const CLOSERS = `"'\`)]}>,;:.!?`;

/** Every target in `text`, in order and without overlaps (the earliest, then the longest, wins). */
export function findTargets(text: string): Target[] {
  return scan(text, { anyTld: false });
}

function scan(text: string, rules: DomainRules): Target[] {
  const candidates = [...scanIpv6(text), ...scanIpv4(text), ...scanEmails(text), ...scanDomains(text, rules)];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const targets: Target[] = [];
  for (const candidate of candidates) {
    const last = targets[targets.length - 1];
    if (!last || candidate.start >= last.end) targets.push(candidate);
  }
  return targets;
}

/**
 * The target under the cursor: `offset` anywhere inside it or just after it. Only a window
 * around the cursor is scanned, and a target cut by the window's edge is not trusted.
 */
export function detectAt(line: string, offset: number): Target | undefined {
  const from = Math.max(0, offset - AT_WINDOW);
  const to = Math.min(line.length, offset + AT_WINDOW);
  const inside = findTargets(line.slice(from, to))
    .map((target) => ({ ...target, start: target.start + from, end: target.end + from }))
    // Scanners look a few characters around a candidate; near a cut edge that context is missing.
    .filter((target) => (from === 0 || target.start >= from + 8) && (to === line.length || target.end <= to - 8));
  return inside.find((target) => target.start <= offset && offset < target.end) ?? inside.find((target) => target.end === offset);
}

/**
 * What a selection means: one target when it is one (give or take quotes, brackets and
 * trailing punctuation), the host of a single URL, else the first IP address in it, else text.
 */
export function detectInSelection(selected: string): Target {
  const leading = selected.length - selected.trimStart().length;
  const trimmed = selected.trim();
  const shift = (target: Target): Target => ({ ...target, start: target.start + leading, end: target.end + leading });
  const targets = scan(trimmed, { anyTld: true });

  const whole = targets.find((target) => onlyPunctuation(trimmed.slice(0, target.start), OPENERS) && onlyPunctuation(trimmed.slice(target.end), CLOSERS));
  if (whole) return shift(whole);
  const host = urlHost(trimmed);
  if (host) return shift(host);
  const ip = targets.find((target) => target.inputKind === 'ip');
  if (ip) return shift(ip);
  return { kind: 'text', value: trimmed, raw: trimmed, start: leading, end: leading + trimmed.length, inputKind: 'text' };
}

/** The host of a selection that is exactly one URL (`https://user@host:port/path`). */
function urlHost(text: string): Target | undefined {
  const prefix = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^\s/?#@]*@)?/.exec(text);
  if (!prefix || /\s/.test(text)) return undefined;
  const authority = text.slice(prefix[0].length).split(/[/?#]/, 1)[0]!;
  const host = scan(authority, { anyTld: true }).find((target) => target.start === 0 && target.kind !== 'email');
  return host && { ...host, start: host.start + prefix[0].length, end: host.end + prefix[0].length };
}

function onlyPunctuation(text: string, allowed: string): boolean {
  return [...text].every((char) => allowed.includes(char));
}
