const MAX_URL_LENGTH = 2048;

/** An https link as the one parser (WHATWG URL) read it: what the check passed is what opens. */
export interface SafeLink {
  /** The normalised URL to open. */
  href: string;
  /** Host and port as parsed (punycode, lower case). */
  host: string;
}

/** An RFC 3986 scheme and its colon, as `vscode.Uri.parse` splits it off. */
const SCHEME = /^[^:/?#]+:/;

/**
 * The authority RFC 3986 (and so `vscode.Uri.parse`) reads in `text`: after an optional scheme,
 * `//` and everything up to the first `/`, `?` or `#`. Undefined when there is none.
 */
export function rfc3986Authority(text: string): string | undefined {
  const afterScheme = SCHEME.exec(text)?.[0].length ?? 0;
  if (!text.startsWith('//', afterScheme)) return undefined;
  const from = afterScheme + 2;
  let to = from;
  while (to < text.length && text[to] !== '/' && text[to] !== '?' && text[to] !== '#') to++;
  return text.slice(from, to);
}

/**
 * The link to open for `value` when it is exactly one plain https URL, else undefined. Every
 * other scheme (`http:`, `javascript:`, `command:`, `data:`) stays text, and so does anything
 * two parsers could read differently: backslashes (WHATWG reads `\` as `/`, RFC 3986 does not),
 * credentials (`https://bank.example@evil.example`), whitespace and control characters, and an
 * authority that does not survive normalisation unchanged but for case (percent escapes,
 * Unicode host names, a default port written out). The WHATWG parse decides; the opener is
 * given its `href`, whose authority RFC 3986 must read the same.
 */
export function parseSafeLink(value: unknown): SafeLink | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  if (!/^https:\/\/[^\s\\\u0000-\u001f\u007f-\u009f]+$/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  // Host names are case-insensitive; anything else that normalisation changes is refused.
  if (rfc3986Authority(value)?.toLowerCase() !== url.host || rfc3986Authority(url.href) !== url.host) return undefined;
  return { href: url.href, host: url.host };
}

/** True for a string that is exactly one https URL, the only kind the results view turns into a link (see parseSafeLink). */
export function isHttpsUrl(value: unknown): boolean {
  return parseSafeLink(value) !== undefined;
}
