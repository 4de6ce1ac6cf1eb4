import { normaliseDomain, type DomainRules } from './domainRules';
import type { Target } from './target';
import { isWordChar } from './textContext';

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Finds emails by growing outwards from each "@", so long runs without one cost nothing. */
export function scanEmails(text: string): Target[] {
  const found: Target[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL + 1 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    while (text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end--;

    const local = text.slice(start, at);
    if (!local || local.length > MAX_LOCAL || local.endsWith('.') || local.includes('..')) continue;
    const before = text[start - 1];
    if ((before !== '.' && LOCAL_CHAR.test(before ?? '')) || isWordChar(text[end]) || text[end] === '@') continue;
    const domain = normaliseDomain(text.slice(at + 1, end), { anyTld: true });
    if (!domain) continue;
    found.push({ kind: 'email', value: `${local}@${domain}`, raw: text.slice(start, end), start, end, inputKind: 'email' });
  }
  return found;
}

/** Finds host names in maximal runs of name characters; emails are found separately. */
export function scanDomains(text: string, rules: DomainRules): Target[] {
  const found: Target[] = [];
  for (const run of text.matchAll(/[A-Za-z0-9_.-]+/g)) {
    if (!run[0].includes('.')) continue;
    let start = run.index;
    let end = start + run[0].length;
    while (start < end && /[.-]/.test(text[start]!)) start++;
    while (end > start && /[.-]/.test(text[end - 1]!)) end--;
    if (start === end || !text.slice(start, end).includes('.')) continue;
    const before = text[start - 1];
    const after = text[end];
    // `user@host` is an email; `console.info(` is a call.
    if (before === '@' || after === '@' || after === '(' || isWordChar(after)) continue;
    const domain = normaliseDomain(text.slice(start, end), rules);
    if (domain) found.push({ kind: 'domain', value: domain, raw: text.slice(start, end), start, end, inputKind: 'domain' });
  }
  return found;
}
