import { summarise, type SummaryItem } from '../render/summary';

/** A decoration is a hint beside the text, not a report: longer verdicts are cut. */
export const MAX_VERDICT_CHARS = 80;
const MAX_PARTS = 3;

/**
 * One line for an answer, shown beside the indicator it is about: `alive · 42 ms · Ashburn, US`,
 * `3 breaches · risk high`, `found 5 · with passwords 3`. Built from the summary items of the
 * answer (which the caller has already redacted), so it holds nothing the results view hides.
 */
export function verdictLine(tool: string, redactedData: unknown): string {
  return verdictOfItems(summarise(tool, redactedData));
}

/** The same from summary items (a bulk history row keeps only these). */
export function verdictOfItems(items: readonly SummaryItem[]): string {
  const byLabel = new Map(items.map((item) => [item.label, item.value]));
  const parts: string[] = [];
  const alive = byLabel.get('Alive');
  if (alive !== undefined) {
    parts.push(alive === 'yes' ? 'alive' : alive === 'no' ? 'not alive' : `alive ${alive}`);
    const rtt = byLabel.get('RTT min / avg / max');
    const average = rtt?.split(' / ')[1];
    if (average && average !== '–') parts.push(`${average.replace(/ ms$/, '')} ms`);
    const location = byLabel.get('Location');
    if (location) parts.push(shortPlace(location));
  } else if (byLabel.has('Status') || byLabel.has('Risk') || byLabel.has('Blocks')) {
    const status = byLabel.get('Status');
    const blocks = byLabel.get('Blocks');
    if (status === 'not_found') parts.push('not found');
    else if (blocks !== undefined) parts.push(`${blocks} ${blocks === '1' ? 'breach' : 'breaches'}`);
    else if (status) parts.push(status);
    const risk = byLabel.get('Risk');
    if (risk && status !== 'not_found') parts.push(`risk ${risk.replace(/ \(.*\)$/, '')}`);
  } else {
    for (const item of items.slice(0, MAX_PARTS)) parts.push(`${item.label.toLowerCase()} ${item.value}`);
  }
  const line = parts.slice(0, MAX_PARTS).join(' · ');
  return line.length > MAX_VERDICT_CHARS ? `${line.slice(0, MAX_VERDICT_CHARS - 1)}…` : line || 'answered';
}

/** "Ashburn, Virginia, United States" → "Ashburn, United States": the city and the country. */
function shortPlace(place: string): string {
  const parts = place.split(', ');
  return parts.length > 2 ? `${parts[0]}, ${parts[parts.length - 1]}` : place;
}
