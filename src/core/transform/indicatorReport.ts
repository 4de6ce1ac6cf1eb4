import type { UniqueTarget } from '../bulk/extractUnique';
import { neverSendMatch, type NeverSendPolicy } from '../neverSend/neverSendCheck';

const SECTIONS: ReadonlyArray<{ title: string; belongs: (target: UniqueTarget) => boolean }> = [
  { title: 'IPv4 addresses', belongs: (target) => target.kind === 'ipv4' },
  { title: 'IPv6 addresses', belongs: (target) => target.kind === 'ipv6' },
  { title: 'Network ranges', belongs: (target) => target.kind === 'cidr' },
  { title: 'Domains', belongs: (target) => target.kind === 'domain' },
  { title: 'Email addresses', belongs: (target) => target.kind === 'email' },
];

/**
 * The indicators of a text as a plain-text report: by kind, each value once with how often it
 * occurs (most frequent first, then first seen), public ones apart from those the never-send
 * gate would refuse (non-public, or on the user's list). Made locally: no call, no quota.
 */
export function indicatorReport(found: readonly UniqueTarget[], source: string, policy: NeverSendPolicy): string {
  const usable = found.filter((target) => !target.problem);
  const total = usable.reduce((sum, target) => sum + target.count, 0);
  const lines = [`# Indicators in ${source}`, '', `${usable.length} unique, ${total} occurrences. Made locally: nothing was sent.`];
  for (const section of SECTIONS) {
    const ordered = usable
      .map((target, index) => ({ target, index }))
      .filter(({ target }) => section.belongs(target))
      .sort((a, b) => b.target.count - a.target.count || a.index - b.index)
      .map(({ target }) => target);
    if (ordered.length === 0) continue;
    const inside = ordered.filter((target) => neverSendMatch(target, policy));
    const outside = ordered.filter((target) => !inside.includes(target));
    lines.push('', `## ${section.title} (${ordered.length})`);
    if (outside.length) lines.push('', `### Public (${outside.length})`, '', ...outside.map(row));
    if (inside.length) lines.push('', `### Non-public or on your never-send list (${inside.length})`, '', ...inside.map(row));
  }
  if (usable.length === 0) lines.push('', 'No IP addresses, domains or email addresses found.');
  return `${lines.join('\n')}\n`;
}

function row(target: UniqueTarget): string {
  const defanged = target.defanged ? ' (written defanged)' : '';
  return `${String(target.count).padStart(6)}  ${target.value}${defanged}`;
}
