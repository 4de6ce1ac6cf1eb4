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

/** A bulk run's counts (its `stats`, labelled from our own keys, see bulkRecordData). */
function bulkCountTexts(t: Translate): Record<string, string> {
  return {
    Found: t('Found'),
    Unique: t('Unique'),
    Answered: t('Answered'),
    'From cache': t('From cache'),
    Failed: t('Failed'),
    'Not run': t('Not run'),
    Skipped: t('Skipped'),
    '429s': t('429s'),
  };
}

/** One of the summary's own labels (or yes/no) in the user's language; any other text as it is. */
export function summaryLabel(text: string, t: Translate): string {
  const texts = summaryTexts(t);
  return Object.hasOwn(texts, text) ? texts[text] : text;
}

/**
 * A summary for the user to read: our labels and yes/no translated, the answer's values as they
 * are. A bulk run's counts are ours too (`bulk`).
 */
export function localizedSummary(items: readonly SummaryItem[], t: Translate, bulk = false): SummaryItem[] {
  const texts = bulk ? { ...summaryTexts(t), ...bulkCountTexts(t) } : summaryTexts(t);
  const own = (text: string) => (Object.hasOwn(texts, text) ? texts[text] : text);
  return items.map((item) => ({
    ...item,
    label: own(item.label),
    value: item.value === 'yes' || item.value === 'no' ? own(item.value) : item.value,
  }));
}

export const SUMMARY_LABELS = Object.keys(summaryTexts((text) => text)).filter((text) => text !== 'yes' && text !== 'no');
