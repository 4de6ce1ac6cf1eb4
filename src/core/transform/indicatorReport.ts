import type { UniqueTarget } from '../bulk/extractUnique';
import { neverSendMatch, type NeverSendPolicy } from '../neverSend/neverSendCheck';
import { plainTranslate, type Translate } from '../translate';

/** The report's sections in the user's language; the values found stay as written. */
function sections(t: Translate): ReadonlyArray<{ title: (count: number) => string; belongs: (target: UniqueTarget) => boolean }> {
  return [
    { title: (count) => t('IPv4 addresses ({0})', count), belongs: (target) => target.kind === 'ipv4' },
    { title: (count) => t('IPv6 addresses ({0})', count), belongs: (target) => target.kind === 'ipv6' },
    { title: (count) => t('Network ranges ({0})', count), belongs: (target) => target.kind === 'cidr' },
    { title: (count) => t('Domains ({0})', count), belongs: (target) => target.kind === 'domain' },
    { title: (count) => t('Email addresses ({0})', count), belongs: (target) => target.kind === 'email' },
  ];
}

/**
 * The indicators of a text as a plain-text report: by kind, each value once with how often it
 * occurs (most frequent first, then first seen), public ones apart from those the never-send
 * gate would refuse (non-public, or on the user's list). Made locally: no call, no quota.
 * Headings and counts speak the language of `t`.
 */
export function indicatorReport(
  found: readonly UniqueTarget[],
  source: string,
  policy: NeverSendPolicy,
  t: Translate = plainTranslate,
): string {
  const usable = found.filter((target) => !target.problem);
  const total = usable.reduce((sum, target) => sum + target.count, 0);
  const lines = [
    `# ${t('Indicators in {0}', source)}`,
    '',
    t('{0} unique, {1} occurrences. Made locally: nothing was sent.', usable.length, total),
  ];
  const defanged = t('(written defanged)');
  for (const section of sections(t)) {
    const ordered = usable
      .map((target, index) => ({ target, index }))
      .filter(({ target }) => section.belongs(target))
      .sort((a, b) => b.target.count - a.target.count || a.index - b.index)
      .map(({ target }) => target);
    if (ordered.length === 0) continue;
    const inside = ordered.filter((target) => neverSendMatch(target, policy));
    const outside = ordered.filter((target) => !inside.includes(target));
    const row = (target: UniqueTarget) => `${String(target.count).padStart(6)}  ${target.value}${target.defanged ? ` ${defanged}` : ''}`;
    lines.push('', `## ${section.title(ordered.length)}`);
    if (outside.length) lines.push('', `### ${t('Public ({0})', outside.length)}`, '', ...outside.map(row));
    if (inside.length) lines.push('', `### ${t('Non-public or on your never-send list ({0})', inside.length)}`, '', ...inside.map(row));
  }
  if (usable.length === 0) lines.push('', t('No IP addresses, domains or email addresses found.'));
  return `${lines.join('\n')}\n`;
}
