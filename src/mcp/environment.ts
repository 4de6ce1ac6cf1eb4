import { checkBaseUrl } from '../core/api/baseUrlRules';
import { checkApiKey } from '../core/api/keyRules';

export const ENV_API_KEY = 'NIAMONX_API_KEY';
export const ENV_BASE_URL = 'NIAMONX_API_BASE_URL';
export const ENV_MAX_CALLS = 'NIAMONX_MAX_CALLS';
/** A JSON array of never-send entries (as niamonx.neverSend); non-public addresses are refused without it too. */
export const ENV_NEVER_SEND = 'NIAMONX_NEVER_SEND';

/** API calls one server process may send when NIAMONX_MAX_CALLS is not set. */
export const DEFAULT_MAX_CALLS = 50;
const MAX_MAX_CALLS = 100_000;

export interface McpConfig {
  apiKey: string;
  /** Undefined: the default NiamonX API. */
  baseUrl: string | undefined;
  maxCalls: number;
  /** Never-send entries (checked entry by entry by parseNeverSendList). */
  neverSend: unknown[];
}

export type McpConfigCheck = { ok: true; config: McpConfig } | { ok: false; message: string };

/**
 * The MCP server's whole configuration, from its environment: the key (required; never an
 * argument, so it stays out of process lists), the base URL under the setting's rules (https,
 * or plain http to this computer only) and the call budget. Messages never hold the key.
 */
export function readMcpEnvironment(env: Record<string, string | undefined>): McpConfigCheck {
  const rawKey = env[ENV_API_KEY];
  if (!rawKey?.trim()) {
    return {
      ok: false,
      message: `${ENV_API_KEY} is not set. Set it in the environment of this server (in an MCP client's config: its "env"); it is never read from arguments or files.`,
    };
  }
  const key = checkApiKey(rawKey);
  if (!key.ok) return { ok: false, message: `${ENV_API_KEY} is not usable: ${key.message}` };

  const rawBaseUrl = env[ENV_BASE_URL]?.trim() || undefined;
  if (rawBaseUrl !== undefined) {
    const check = checkBaseUrl(rawBaseUrl);
    if (!check.ok) return { ok: false, message: `${ENV_BASE_URL}: ${check.message.replace(/niamonx\.apiBaseUrl/g, ENV_BASE_URL)}` };
  }

  const rawMax = env[ENV_MAX_CALLS]?.trim();
  let maxCalls = DEFAULT_MAX_CALLS;
  if (rawMax) {
    if (!/^\d{1,6}$/.test(rawMax) || Number(rawMax) > MAX_MAX_CALLS) {
      return {
        ok: false,
        message: `${ENV_MAX_CALLS} must be a whole number from 0 to ${MAX_MAX_CALLS} (got “${rawMax.slice(0, 20)}”).`,
      };
    }
    maxCalls = Number(rawMax);
  }
  const rawNeverSend = env[ENV_NEVER_SEND]?.trim();
  let neverSend: unknown[] = [];
  if (rawNeverSend) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawNeverSend);
    } catch {
      parsed = undefined;
    }
    // Refusing to start is safer than starting without the user's list.
    if (!Array.isArray(parsed))
      return { ok: false, message: `${ENV_NEVER_SEND} must be a JSON array of strings, e.g. ["10.20.0.0/16","corp.example"].` };
    neverSend = parsed;
  }
  return { ok: true, config: { apiKey: key.key, baseUrl: rawBaseUrl, maxCalls, neverSend } };
}
