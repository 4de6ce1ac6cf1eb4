import type { InputKind } from './inputKind';

/**
 * What a tool takes, as the user reads it (tree, tool picker), in the language of `t`; settings
 * and the API keep the kind id.
 */
export function inputKindText<T>(kind: InputKind, t: (message: string) => T): T {
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
