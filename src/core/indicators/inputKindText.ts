import type { Translate } from '../translate';
import type { InputKind } from './inputKind';

/** What a tool takes, as the user reads it (tree, tool picker); settings and the API keep the kind id. */
export function inputKindText(kind: InputKind, t: Translate): string {
  switch (kind) {
    case 'ip':
      return t('IP address');
    case 'email':
      return t('email address');
    case 'domain':
      return t('domain');
    case 'username':
      return t('username');
    case 'phone':
      return t('phone number');
    case 'text':
      return t('text');
  }
}
