/**
 * Masks values that hold secrets (breach and ULP tools return plaintext passwords).
 *
 * Key names are matched on their word parts (camelCase, snake_case, kebab-case, digits),
 * case-insensitively, so `userPassword`, `password_hash`, `PASS`, `access-token` and
 * `x-api-key` match while `passenger`, `compass`, `bypass`, `author` and `hashtag_count`
 * do not. Short words that are common inside harmless words (`pass`, `hash`, `auth`,
 * `salt`, ...) must be a whole part; a few long, unambiguous words (`password`, `apikey`,
 * ...) also match inside a squashed name such as `userpassword`. A plain `key` is not
 * sensitive (too many harmless `key` fields); a false positive only costs a Reveal click,
 * a false negative leaks, so the list errs on the side of masking.
 *
 * One exception keeps search statistics readable: a number or boolean under a counting or
 * flag name (`with_password: 3`, `password_count`, `has_token: true`) is not masked.
 */

const MASK = '••••••';
const REDACTED = '[redacted]';

/** Whole word parts that mark a secret (a trailing plural `s`/`es` is ignored). */
const SENSITIVE_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'passcode',
  'secret',
  'token',
  'hash',
  'hashed',
  'salt',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'session',
  'sessionid',
  'sessid',
  'cookie',
  'credential',
  'auth',
  'authorization',
  'bearer',
  'jwt',
  'otp',
]);

/** Unambiguous words that also count inside a name written without separators. */
const SENSITIVE_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'accesstoken',
  'authtoken',
  'refreshtoken',
  'credential',
  'sessionid',
];

/** Word parts that make a sensitive name describe a count or a flag rather than the secret. */
const COUNTING_WORDS = new Set(['with', 'without', 'has', 'is', 'count', 'total', 'num', 'length']);

const MASKED_TEXT = /^•{6} \((?:\d+ chars?|masked)\)$/;

/** Bounded memo: payloads repeat the same few key names thousands of times. Long names are not kept. */
const MAX_MEMO_KEY_CHARS = 256;
const keyVerdicts = new Map<string, boolean>();

export function isSensitiveKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = judgeKey(key);
    if (key.length <= MAX_MEMO_KEY_CHARS) {
      if (keyVerdicts.size >= 2000) keyVerdicts.clear();
      keyVerdicts.set(key, verdict);
    }
  }
  return verdict;
}

function judgeKey(key: string): boolean {
  const parts = wordParts(key);
  if (parts.some(isSensitiveWord)) return true;
  const squashed = parts.join('');
  return SENSITIVE_FRAGMENTS.some((fragment) => squashed.includes(fragment));
}

function isCountOrFlag(key: string, value: unknown): boolean {
  return (typeof value === 'number' || typeof value === 'boolean') && wordParts(key).some((part) => COUNTING_WORDS.has(part));
}

/**
 * The lower-cased word parts of a key name, in one pass (a key name is answer data and may be
 * a megabyte long): `userPassword` → user password, `XAPIKey` → xapi key, `md5hash` → md 5 hash,
 * `access-token` → access token. Anything but ASCII letters and digits separates.
 */
function wordParts(key: string): string[] {
  const parts: string[] = [];
  let start = -1;
  const cut = (end: number) => {
    if (start >= 0 && end > start) parts.push(key.slice(start, end).toLowerCase());
    start = -1;
  };
  for (let i = 0; i < key.length; i++) {
    const kind = charKind(key.charCodeAt(i));
    if (kind === OTHER) {
      cut(i);
      continue;
    }
    if (start >= 0) {
      const before = charKind(key.charCodeAt(i - 1));
      const startsWord =
        (kind === UPPER && before !== UPPER) || // userPassword
        (kind === UPPER && i + 1 < key.length && charKind(key.charCodeAt(i + 1)) === LOWER) || // XAPIKey
        (kind === DIGIT) !== (before === DIGIT); // md5hash
      if (startsWord) cut(i);
    }
    if (start < 0) start = i;
  }
  cut(key.length);
  return parts;
}

const LOWER = 0;
const UPPER = 1;
const DIGIT = 2;
const OTHER = 3;

function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

function isSensitiveWord(part: string): boolean {
  return (
    SENSITIVE_WORDS.has(part) ||
    (part.endsWith('s') && SENSITIVE_WORDS.has(part.slice(0, -1))) ||
    (part.endsWith('es') && SENSITIVE_WORDS.has(part.slice(0, -2)))
  );
}

/** `•••••• (12 chars)`; non-strings are measured by their JSON text. */
export function maskValue(value: unknown): string {
  const length = typeof value === 'string' ? value.length : jsonLength(value);
  if (length === undefined) return `${MASK} (masked)`;
  return `${MASK} (${length} ${length === 1 ? 'char' : 'chars'})`;
}

function jsonLength(value: unknown): number | undefined {
  try {
    return JSON.stringify(value)?.length;
  } catch {
    return undefined; // too deep or cyclic: still masked, just without a length
  }
}

/**
 * A deep copy of `data` with every non-null value under a sensitive key masked, at any
 * depth. Idempotent: an already masked value is kept and not counted again.
 */
export function redact(data: unknown): { data: unknown; count: number } {
  let count = 0;
  const copy = transform(data, (value, key) => {
    if (key === undefined || value === null || value === undefined || !isSensitiveKey(key)) return KEEP;
    if (typeof value === 'string' && MASKED_TEXT.test(value)) return KEEP;
    if (isCountOrFlag(key, value)) return KEEP;
    count++;
    return maskValue(value);
  });
  return { data: copy, count };
}

/**
 * Whether `redact` would mask anything in `data`: the same rule, read without copying, stopping
 * at the first value it would mask (a megabyte answer is walked once, nothing is allocated for it).
 */
export function holdsSecrets(data: unknown): boolean {
  const stack: unknown[] = [data];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && item !== undefined && isSensitiveKey(key)) {
        if (!(typeof item === 'string' && MASKED_TEXT.test(item)) && !isCountOrFlag(key, item)) return true;
      }
      stack.push(item);
    }
  }
  return false;
}

/** Replaces every occurrence of any secret (e.g. the API key) with `[redacted]`. */
export function redactText(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of usableSecrets(secrets)) result = result.split(secret).join(REDACTED);
  return result;
}

/** A deep copy of `data` with `redactText` applied to every string in it. */
export function redactSecrets(data: unknown, secrets: string[]): unknown {
  const usable = usableSecrets(secrets);
  if (usable.length === 0) return data;
  return transform(data, (value) => (typeof value === 'string' ? redactText(value, usable) : KEEP));
}

/** Longest first, so a secret that contains another is replaced whole. */
function usableSecrets(secrets: string[]): string[] {
  return [...new Set(secrets.filter((secret) => secret.trim() !== ''))].sort((a, b) => b.length - a.length);
}

const KEEP = Symbol('keep');
type Container = Record<string, unknown> | unknown[];

/**
 * Deep-copies JSON-like data with an explicit stack (a 10,000-level payload must not
 * overflow the call stack). `rewrite` sees every value with the property name it sits
 * under (undefined for the root and array items) and returns its replacement, or KEEP to
 * copy it as usual. An object met twice is copied once, so a cycle cannot loop forever.
 */
function transform(data: unknown, rewrite: (value: unknown, key: string | undefined) => unknown): unknown {
  const copies = new Map<object, Container>();
  const stack: Array<[Container, Container]> = [];
  const copyOf = (value: unknown, key: string | undefined): unknown => {
    const rewritten = rewrite(value, key);
    if (rewritten !== KEEP) return rewritten;
    if (value === null || typeof value !== 'object') return value;
    let copy = copies.get(value);
    if (!copy) {
      copy = Array.isArray(value) ? new Array<unknown>(value.length) : {};
      copies.set(value, copy);
      stack.push([value as Container, copy]);
    }
    return copy;
  };

  const root = copyOf(data, undefined);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [source, target] = next;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) (target as unknown[])[i] = copyOf(source[i], undefined);
    } else {
      for (const key of Object.keys(source)) setOwn(target as Record<string, unknown>, key, copyOf(source[key], key));
    }
  }
  return root;
}

/** Plain assignment of `__proto__` (a legal JSON key) would change the copy's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
