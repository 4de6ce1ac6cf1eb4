/** Small look-arounds shared by the scanners: what surrounds a candidate decides whether it is one. */

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /[\p{L}_]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Letters (any script) and "_": what continues an identifier once digits and hex are accounted for. */
export function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

/** `isLetter` for one position, without building a string for the common ASCII case. */
export function letterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return code === code && isLetter(text[index]); // NaN (outside the text) is not a letter
}

/** `isWordChar` for one position, ASCII without a regular expression. */
export function wordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return code === code && isWordChar(text[index]);
}

/** `1.2.3.4-beta`, `fe80::1-rc`: a letter after a hyphen makes the whole thing a name or version. */
export function hyphenThenLetter(text: string, index: number): boolean {
  return text[index] === '-' && isLetter(text[index + 1]);
}

/**
 * A `/n` suffix after an address: a prefix length (`/24`) or, in Cisco ASA style, a port
 * (`/51234`). Not when more path follows (`/24/x`, `/1.5`), nor inside a URL, where it is a path.
 */
export function slashSuffix(
  text: string,
  index: number,
  maxPrefix: number,
  addressStart: number,
): { end: number; prefixLength?: number; port?: number } | undefined {
  if (text.charCodeAt(index) !== 47) return undefined; // "/"
  const end = digitsEnd(text, index + 1);
  if (end === index + 1 || wordCharAt(text, end) || text[end] === '/' || (text[end] === '.' && wordCharAt(text, end + 1))) return undefined;
  // Looked at last: it reads back up to 300 characters.
  if (isInUrl(text, addressStart)) return undefined;
  const number = Number(text.slice(index + 1, end));
  const leadingZero = end - index > 2 && text.charCodeAt(index + 1) === 48;
  if (number <= maxPrefix && !leadingZero) return { end, prefixLength: number };
  if (number > maxPrefix && number <= 65_535) return { end, port: number };
  return undefined;
}

/** A `:port` suffix (1–65535), unless what follows shows it is something else (a time, a version). */
export function colonPort(text: string, index: number): { end: number; port: number } | undefined {
  if (text.charCodeAt(index) !== 58) return undefined; // ":"
  const end = digitsEnd(text, index + 1);
  if (end === index + 1 || wordCharAt(text, end) || text[end] === ':' || (text[end] === '.' && wordCharAt(text, end + 1))) return undefined;
  const port = Number(text.slice(index + 1, end));
  return port >= 1 && port <= 65_535 ? { end, port } : undefined;
}

/** Where up to five ASCII digits from `from` end (what `/^\d{1,5}/` would take). */
function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < from + 5) {
    const code = text.charCodeAt(end);
    if (!(code >= 48 && code <= 57)) break;
    end++;
  }
  return end;
}

/** tcpdump and pf print `a.b.c.d.port > e.f.g.h.port:`; only that shape turns a fifth number into a port. */
export function isTcpdumpEndpoint(text: string, start: number, end: number): boolean {
  return text.startsWith(' > ', end) || text.slice(Math.max(0, start - 3), start) === ' > ';
}

/** The address sits right after `scheme://` (or `user@` in one): a slash after it starts a path. */
function isInUrl(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 300), start);
  return /:\/\/(?:[^\s/@]*@)?\[?$/.test(before);
}

/**
 * `Chrome/120.0.0.0`, `Safari/537.36`: a product/version token from a User-Agent. Told apart
 * from a path (`/api/ip/8.8.8.8`, `ipinfo.io/8.8.8.8`) by the bare word before the slash.
 */
export function followsProductName(text: string, start: number): boolean {
  if (text[start - 1] !== '/' || !isWordChar(text[start - 2])) return false;
  // Product names are short; a longer bare word is not one (and is not worth walking).
  const limit = Math.max(0, start - 64);
  for (let i = start - 2; i >= limit; i--) {
    if (/[\s"'(<[{,;=]/.test(text[i])) return true;
    if (/[./:]/.test(text[i])) return false;
  }
  return limit === 0; // the bare word starts the text
}
