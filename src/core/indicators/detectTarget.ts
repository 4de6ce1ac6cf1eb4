import { findEdits, RefangedText } from './defang';
import type { DomainRules } from './domainRules';
import { MAX_INPUT_CHARS } from './inputLimits';
import { detectTargets } from './scanText';
import type { Target } from './target';

export { classifyIp } from './classifyIp';

/** How far around the cursor `detectAt` looks: more than the longest target (a 253-character domain). */
const AT_WINDOW = 512;
const OPENERS = `"'\`([{<`;
const CLOSERS = `"'\`)]}>,;:.!?`;

/**
 * Every target in `text`, in order and without overlaps (the earliest, then the longest,
 * wins). Defanged ones (`1[.]1[.]1[.]1`) too, with `value` refanged and `defanged: true`.
 */
export function findTargets(text: string): Target[] {
  return scan(text, { anyTld: false });
}

function scan(text: string, rules: DomainRules): Target[] {
  return detectTargets(text, rules).targets;
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
 * A selection longer than any input may be is text, unscanned: a select-all in a 20 MB log
 * must cost nothing here (bulk commands are for that), and the run refuses it with its length.
 */
export function detectInSelection(selected: string): Target {
  if (selected.length > MAX_INPUT_CHARS) {
    const leading = selected.length - selected.trimStart().length;
    const trimmed = selected.trim();
    if (trimmed.length > MAX_INPUT_CHARS)
      return { kind: 'text', value: trimmed, raw: trimmed, start: leading, end: leading + trimmed.length, inputKind: 'text' };
  }
  const edits = findEdits(selected);
  if (edits.length > 0) {
    // Judge the refanged selection, then point back at what was selected.
    const view = new RefangedText(selected, 0, selected.length, edits);
    const target = detectPlainSelection(view.text);
    if (target.kind !== 'text') {
      const start = view.startInOriginal(target.start);
      const end = view.endInOriginal(target.end);
      return {
        ...target,
        start,
        end,
        raw: selected.slice(start, end),
        ...(view.isDefanged(target.start, target.end) ? { defanged: true } : {}),
      };
    }
  }
  return detectPlainSelection(selected);
}

function detectPlainSelection(selected: string): Target {
  const leading = selected.length - selected.trimStart().length;
  const trimmed = selected.trim();
  const shift = (target: Target): Target => ({ ...target, start: target.start + leading, end: target.end + leading });
  const targets = scan(trimmed, { anyTld: true });

  // A target is the whole selection when only openers stand before it and only closers after it.
  const firstNonOpener = leadingRun(trimmed, OPENERS);
  const lastNonCloser = trimmed.length - trailingRun(trimmed, CLOSERS);
  const whole = targets.find((target) => target.start <= firstNonOpener && target.end >= lastNonCloser);
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
  const authority = text.slice(prefix[0].length).split(/[/?#]/, 1)[0];
  const host = scan(authority, { anyTld: true }).find((target) => target.start === 0 && target.kind !== 'email');
  return host && { ...host, start: host.start + prefix[0].length, end: host.end + prefix[0].length };
}

/** How many characters at the start of `text` are among `allowed`. */
function leadingRun(text: string, allowed: string): number {
  let length = 0;
  while (length < text.length && allowed.includes(text[length])) length++;
  return length;
}

/** How many characters at the end of `text` are among `allowed`. */
function trailingRun(text: string, allowed: string): number {
  let length = 0;
  while (length < text.length && allowed.includes(text[text.length - 1 - length])) length++;
  return length;
}
