import { summarise, type SummaryItem } from '../render/summary';
import { plainTranslate, type Translate } from '../translate';

/** A decoration is a hint beside the text, not a report: longer verdicts are cut. */
export const MAX_VERDICT_CHARS = 80;
const MAX_PARTS = 3;

/**
 * One line for an answer, shown beside the indicator it is about: `alive · 42 ms · Ashburn, US`,
 * `3 breaches · risk high`, `found 5 · with passwords 3`. Built from the summary items of the
 * answer (which the caller has already redacted), so it holds nothing the results view hides.
 * Our words speak the language of `t`; the answer's values (a place, a status) stay as sent.
 */
export function verdictLine(tool: string, redactedData: unknown, t: Translate = plainTranslate): string {
  return verdictOfItems(summarise(tool, redactedData), t);
}

/** The same from summary items (a bulk history row keeps only these). */
export function verdictOfItems(items: readonly SummaryItem[], t: Translate = plainTranslate): string {
  const byLabel = new Map(items.map((item) => [item.label, item.value]));
  const parts: string[] = [];
  const alive = byLabel.get('Alive');
  if (alive !== undefined) {
    parts.push(alive === 'yes' ? t('alive') : alive === 'no' ? t('not alive') : t('alive {0}', alive));
    const rtt = byLabel.get('RTT min / avg / max');
    const average = rtt?.split(' / ')[1];
    if (average && average !== '–') parts.push(`${average.replace(/ ms$/, '')} ms`);
    const location = byLabel.get('Location');
    if (location) parts.push(shortPlace(location));
  } else if (byLabel.has('Status') || byLabel.has('Risk') || byLabel.has('Blocks')) {
    const status = byLabel.get('Status');
    const blocks = byLabel.get('Blocks');
    if (status === 'not_found') parts.push(t('not found'));
    else if (blocks !== undefined) parts.push(blocks === '1' ? t('1 breach') : t('{0} breaches', blocks));
    else if (status) parts.push(status);
    const risk = byLabel.get('Risk');
    if (risk && status !== 'not_found') parts.push(t('risk {0}', risk.replace(/ \(.*\)$/, '')));
  } else {
    for (const item of items.slice(0, MAX_PARTS)) parts.push(`${item.label.toLowerCase()} ${item.value}`);
  }
  const line = parts.slice(0, MAX_PARTS).join(' · ');
  return line.length > MAX_VERDICT_CHARS ? `${line.slice(0, MAX_VERDICT_CHARS - 1)}…` : line || t('answered');
}

/** "Ashburn, Virginia, United States" → "Ashburn, United States": the city and the country. */
function shortPlace(place: string): string {
  const parts = place.split(', ');
  return parts.length > 2 ? `${parts[0]}, ${parts[parts.length - 1]}` : place;
}
