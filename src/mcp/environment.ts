import { checkBaseUrl } from '../core/api/baseUrlRules';
import { checkApiKey } from '../core/api/keyRules';

export const ENV_API_KEY = 'NIAMONX_API_KEY';
export const ENV_BASE_URL = 'NIAMONX_API_BASE_URL';
export const ENV_MAX_CALLS = 'NIAMONX_MAX_CALLS';

/** API calls one server process may send when NIAMONX_MAX_CALLS is not set. */
export const DEFAULT_MAX_CALLS = 50;
const MAX_MAX_CALLS = 100_000;

export interface McpConfig {
  apiKey: string;
  /** Undefined: the default NiamonX API. */
  baseUrl: string | undefined;
  maxCalls: number;
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
  return { ok: true, config: { apiKey: key.key, baseUrl: rawBaseUrl, maxCalls } };
}
