import type { ErrorKind } from './errors';
import type { Translate } from './translate';

/** A failure's kind in a word or two, as a list shows it beside a failed run (the id stays in logs and exports). */
export function errorKindText(kind: ErrorKind, t: Translate): string {
  switch (kind) {
    case 'validation':
      return t('input refused');
    case 'auth':
      return t('API key refused');
    case 'disabled':
      return t('tool disabled');
    case 'unknown-tool':
      return t('unknown tool');
    case 'method':
      return t('method refused');
    case 'rate-limit':
      return t('rate limit');
    case 'server':
      return t('server error');
    case 'bad-response':
      return t('unexpected answer');
    case 'network':
      return t('network error');
    case 'timeout':
      return t('timed out');
    case 'cancelled':
      return t('cancelled');
    case 'config':
      return t('settings');
    case 'never-send':
      return t('never-send list');
  }
}
