import type { IpClass } from './target';

/**
 * An address class (IANA's special-purpose registries) as the user reads it, in the language of
 * `t` (a `Translate`, or the core's `t` for a text translated where it is shown). Logs, exports
 * and agents keep the class id itself.
 */
export function ipClassText<T>(ipClass: IpClass, t: (message: string) => T): T {
  switch (ipClass) {
    case 'public':
      return t('public');
    case 'private':
      return t('private');
    case 'loopback':
      return t('loopback');
    case 'link-local':
      return t('link-local');
    case 'multicast':
      return t('multicast');
    case 'broadcast':
      return t('broadcast');
    case 'unspecified':
      return t('unspecified');
    case 'carrier-grade-nat':
      return t('carrier-grade NAT');
    case 'documentation':
      return t('documentation');
    case 'benchmarking':
      return t('benchmarking');
    case 'reserved':
      return t('reserved');
    case 'unique-local':
      return t('unique-local');
    case 'site-local':
      return t('site-local');
    case 'ipv4-mapped':
      return t('IPv4-mapped');
    case 'ipv4-translated':
      return t('IPv4-translated');
    case '6to4':
      return t('6to4');
    case 'teredo':
      return t('Teredo');
    case 'discard':
      return t('discard-only');
  }
}
