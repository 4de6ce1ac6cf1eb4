import { findTargets } from './detectTarget';
import type { Target } from './target';

/** A terminal line is scanned this far: a line can be megabytes (a minified bundle, a dump). */
export const MAX_LINE_SCAN_CHARS = 8192;
/** Links offered on one line at most. */
export const MAX_LINKS_PER_LINE = 64;

/**
 * The indicators (IPs, domains, emails, defanged ones too) of one line of output, with the
 * same scanner and exactness as bulk runs, in bounded work: only the line's first
 * MAX_LINE_SCAN_CHARS characters (a target cut by that edge is dropped), at most
 * MAX_LINKS_PER_LINE of them. Ambiguous addresses and ranges are no links.
 */
export function lineIndicators(line: string): Target[] {
  const cut = line.length > MAX_LINE_SCAN_CHARS;
  const text = cut ? line.slice(0, MAX_LINE_SCAN_CHARS) : line;
  const found: Target[] = [];
  for (const target of findTargets(text)) {
    if (target.kind === 'cidr' || (target as { problem?: string }).problem) continue;
    // Scanners look a few characters past a candidate: near the cut, that context is missing.
    if (cut && target.end > MAX_LINE_SCAN_CHARS - 8) break;
    found.push(target);
    if (found.length === MAX_LINKS_PER_LINE) break;
  }
  return found;
}
