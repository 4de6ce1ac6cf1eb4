import { createHash } from 'node:crypto';

/** SHA-256 hex of a key: the only form in which the emulator (like the vendor) keeps keys. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Active and revoked API keys, held only as hashes so no raw key sits in memory or in dumps. */
export class KeyStore {
  private readonly active = new Set<string>();

  add(key: string): void {
    this.active.add(hashKey(key));
  }

  /** A revoked key answers 401 exactly like an unknown one, as the vendor does. */
  revoke(key: string): void {
    this.active.delete(hashKey(key));
  }

  isValid(keyHash: string): boolean {
    return this.active.has(keyHash);
  }
}
