import type { SeededRandom } from './seededRandom';

/** Word lists for fake records; every host is under example.com/.org/.net (RFC 2606). */
export const FAKE_SOURCES = [
  'ExampleShop 2019',
  'Demo Forum Leak',
  'Sample CRM Export',
  'Test Gaming Portal',
  'Placeholder Social',
  'Fictional Travel Co',
] as const;

export const FAKE_NAMES = ['Alex Example', 'Sam Sample', 'Jordan Test', 'Casey Demo', 'Robin Placeholder'] as const;

const FAKE_HOSTS = ['login.example.com', 'mail.example.org', 'portal.example.net', 'shop.example.com', 'vpn.example.org'];

const FAKE_WORDS = ['sunshine', 'dragon', 'qwerty', 'monkey', 'letmein', 'password', 'football', 'shadow'];

/** A local part usable as both username and email user, derived from what was searched. */
export function localPartOf(value: string): string {
  const base =
    value
      .split('@')[0]
      ?.toLowerCase()
      .replace(/[^a-z0-9._-]/g, '') ?? '';
  return base.length > 0 ? base.slice(0, 24) : 'user';
}

export function fakeEmail(random: SeededRandom, value: string): string {
  return value.includes('@') ? value.toLowerCase() : `${localPartOf(value)}${random.int(1, 99)}@example.com`;
}

/** Looks like a leaked password (that is the point: clients must redact it) but is made up. */
export function fakePassword(random: SeededRandom): string {
  return `${random.pick(FAKE_WORDS)}${random.int(10, 9999)}${random.pick(['', '!', '#', '_'])}`;
}

export function fakeHost(random: SeededRandom): string {
  return random.pick(FAKE_HOSTS);
}

/** Fake phone in the 555-01xx range reserved for fiction. */
export function fakePhone(random: SeededRandom): string {
  return `+1-202-555-01${String(random.int(0, 99)).padStart(2, '0')}`;
}

/** The emulator's convention for "nothing found": the searched value mentions "nobody". */
export function meansNotFound(value: string): boolean {
  return value.toLowerCase().includes('nobody');
}
