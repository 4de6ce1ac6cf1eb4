import { ToolCallError } from '../errors';

export const DEFAULT_BASE_URL = 'https://dash.niamonx.io/api/v2';

export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Loopback hosts may use plain http (the local emulator); everything else must be https. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
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
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') {
    return { ok: false, message: `niamonx.apiBaseUrl uses http:// for ${url.hostname}; only https:// is allowed (plain http only for localhost), so the key is never sent unencrypted.` };
  }
  return { ok: false, message: `niamonx.apiBaseUrl must start with https:// (got ${url.protocol}).` };
}

/** The URL of one tool, or a `config` error when the base URL is not allowed. */
export function toolUrl(baseUrl: string | undefined, tool: string): string {
  const check = checkBaseUrl(baseUrl);
  if (!check.ok) throw new ToolCallError('config', check.message);
  const base = check.url.href.replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(tool)}`;
}
