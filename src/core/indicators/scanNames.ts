import { detached } from './detached';
import { normaliseDomain, type DomainRules } from './domainRules';
import type { Target } from './target';
import { wordCharAt } from './textContext';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Character tables (ASCII): `[A-Za-z0-9._%+-]` for a mailbox, `[A-Za-z0-9.-]` for a host name. */
const LOCAL_CHAR = asciiTable('A-Za-z0-9._%+-');
const DOMAIN_CHAR = asciiTable('A-Za-z0-9.-');

function asciiTable(spec: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) table[c] = 1;
      i += 2;
    } else {
      table[spec.charCodeAt(i)] = 1;
    }
  }
  return table;
}

const isIn = (table: Uint8Array, text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code < 128 && table[code] === 1; // NaN (outside the text) compares false
};

/** The email around the "@" at `at`, grown outwards, or undefined. */
export function emailAt(text: string, at: number): Target | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL + 1 && isIn(LOCAL_CHAR, text, start - 1)) start--;
  while (text[start] === '.') start++;
  let end = at + 1;
  while (end < text.length && end - at <= MAX_DOMAIN && isIn(DOMAIN_CHAR, text, end)) end++;
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;

  const local = text.slice(start, at);
  if (!local || local.length > MAX_LOCAL || local.endsWith('.') || local.includes('..')) return undefined;
  if ((text[start - 1] !== '.' && isIn(LOCAL_CHAR, text, start - 1)) || wordCharAt(text, end) || text[end] === '@') return undefined;
  const domain = cachedDomain(text.slice(at + 1, end), ANY_TLD);
  if (!domain) return undefined;
  return { kind: 'email', value: `${local}@${domain}`, raw: text.slice(start, end), start, end, inputKind: 'email' };
}

/** Finds emails by growing outwards from each "@", so long runs without one cost nothing. */
export function scanEmails(text: string): Target[] {
  const found: Target[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const email = emailAt(text, at);
    if (email) found.push(email);
  }
  return found;
}

/**
 * A host name in a maximal run of name characters (`[A-Za-z0-9_.-]+` with a dot), or
 * undefined. Emails are found separately.
 */
export function domainFromRun(text: string, runStart: number, runEnd: number, rules: DomainRules): Target | undefined {
  let start = runStart;
  let end = runEnd;
  while (start < end && (text[start] === '.' || text[start] === '-')) start++;
  while (end > start && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  // Every top-level domain starts with a letter: numbers, versions and addresses end here.
  const lastDot = text.lastIndexOf('.', end - 1);
  if (lastDot < start) return undefined;
  const tldStart = text.charCodeAt(lastDot + 1) | 32;
  if (tldStart < 97 || tldStart > 122) return undefined;
  const before = text[start - 1];
  const after = text[end];
  // `user@host` is an email; `console.info(` is a call.
  if (before === '@' || after === '@' || after === '(' || wordCharAt(text, end)) return undefined;
  const raw = text.slice(start, end);
  const domain = cachedDomain(raw, rules);
  return domain ? { kind: 'domain', value: domain, raw, start, end, inputKind: 'domain' } : undefined;
}

const ANY_TLD: DomainRules = { anyTld: true };
/** Logs name the same hosts over and over: each distinct name is judged once (bounded). */
/** A host name is at most 253 characters; a few more allow its trailing dot or a defanged form. */
const MAX_CACHED_NAME = 300;
const DOMAIN_CACHE = [new Map<string, string | null>(), new Map<string, string | null>()];

function cachedDomain(name: string, rules: DomainRules): string | undefined {
  const cache = DOMAIN_CACHE[rules.anyTld ? 1 : 0];
  let domain = cache.get(name);
  if (domain === undefined) {
    const normal = normaliseDomain(name, rules);
    domain = normal === undefined ? null : detached(normal); // toLowerCase may return its (sliced) argument
    // Bounded in bytes too: a run longer than any host name is judged, never kept.
    if (name.length > MAX_CACHED_NAME) return domain ?? undefined;
    if (cache.size >= 50_000) cache.clear();
    cache.set(detached(name), domain);
  }
  return domain ?? undefined;
}
