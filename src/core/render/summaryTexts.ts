import type { Translate } from '../translate';
import type { SummaryItem } from './summary';

/** The labels and words `summarise` writes itself, in the user's language (labels of `stats` keys stay as the API named them). */
function summaryTexts(t: Translate): Record<string, string> {
  return {
    Alive: t('Alive'),
    Blocks: t('Blocks'),
    Location: t('Location'),
    'Packet loss': t('Packet loss'),
    Probes: t('Probes'),
    'RTT min / avg / max': t('RTT min / avg / max'),
    Risk: t('Risk'),
    Status: t('Status'),
    yes: t('yes'),
    no: t('no'),
  };
}

/** A summary for the user to read: our labels and yes/no translated, the answer's values as they are. */
export function localizedSummary(items: readonly SummaryItem[], t: Translate): SummaryItem[] {
  const texts = summaryTexts(t);
  const own = (text: string) => (Object.hasOwn(texts, text) ? texts[text] : text);
  return items.map((item) => ({
    ...item,
    label: own(item.label),
    value: item.value === 'yes' || item.value === 'no' ? own(item.value) : item.value,
  }));
}

export const SUMMARY_LABELS = Object.keys(summaryTexts((text) => text)).filter((text) => text !== 'yes' && text !== 'no');
