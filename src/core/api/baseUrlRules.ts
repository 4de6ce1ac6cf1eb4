import { ToolCallError } from '../errors';

export const DEFAULT_BASE_URL = 'https://dash.niamonx.io/api/v2';

export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Loopback hosts may use plain http (the local emulator); everything else must be https. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
}

const OFFICIAL_DOMAIN = 'niamonx.io';

/**
 * The vendor's own hosts: `niamonx.io` and its subdomains, compared label by label on the
 * URL parser's normalised host, so `dash.niamonx.io.evil.example`, `dash-niamonx.io`,
 * `evilniamonx.io`, a trailing dot and look-alike Unicode (which the parser turns into
 * `xn--` labels) are all refused.
 */
export function isOfficialHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === OFFICIAL_DOMAIN || host.endsWith(`.${OFFICIAL_DOMAIN}`);
}

/** True when `raw` is the documented default API (no warning needed before sending the key there). */
export function isDefaultBaseUrl(raw: string | undefined): boolean {
  const check = checkBaseUrl(raw);
  return check.ok && withoutTrailingSlashes(check.url.href) === DEFAULT_BASE_URL;
}

/** Validates the `niamonx.apiBaseUrl` setting so the key is only ever sent where intended. */
export function checkBaseUrl(raw: string | undefined): BaseUrlCheck {
  const text = (raw ?? '').trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `niamonx.apiBaseUrl "${text.slice(0, 100)}" is not a valid URL.` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'niamonx.apiBaseUrl must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: 'niamonx.apiBaseUrl must not contain a query (?…) or fragment (#…).' };
  }
  if (url.protocol === 'https:' && isOfficialHost(url.hostname)) return { ok: true, url };
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'https:') {
    return {
      ok: false,
      message: `niamonx.apiBaseUrl points at ${url.hostname.slice(0, 100)}, which is not a NiamonX host (niamonx.io) or this computer; your API key is only ever sent to those.`,
    };
  }
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: `niamonx.apiBaseUrl uses http:// for ${url.hostname}; only https:// is allowed (plain http only for localhost), so the key is never sent unencrypted.`,
    };
  }
  return { ok: false, message: `niamonx.apiBaseUrl must start with https:// (got ${url.protocol}).` };
}

/** The URL of one tool, or a `config` error when the base URL is not allowed. */
export function toolUrl(baseUrl: string | undefined, tool: string): string {
  const check = checkBaseUrl(baseUrl);
  if (!check.ok) throw new ToolCallError('config', check.message);
  const url = new URL(check.url.href);
  // "localhost" is only a name: a hosts file or resolver could point it elsewhere. Pin it to loopback.
  if (url.hostname.toLowerCase() === 'localhost') url.hostname = '127.0.0.1';
  const base = withoutTrailingSlashes(url.href);
  return `${base}/${encodeURIComponent(tool)}`;
}

/** `https://host/api/v2///` → `https://host/api/v2`, in one pass from the end. */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
