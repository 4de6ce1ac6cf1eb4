import { checkBaseUrl, isLoopbackHost } from '../../core/api/baseUrlRules';
import type { NeverSendPolicy } from '../../core/neverSend/neverSendCheck';
import { parseNeverSendList } from '../../core/neverSend/neverSendList';
import type { Settings } from '../../core/settings';

/**
 * The gate's policy from the current settings, parsed once per change of the list (the
 * settings object is replaced on every change). Unusable entries are reported once.
 */
export function neverSendPolicy(
  settings: () => Settings,
  developmentMode: boolean,
  onInvalid: (message: string) => void,
): () => NeverSendPolicy {
  let seen: { entries: unknown[]; baseUrl: string; policy: NeverSendPolicy } | undefined;
  return () => {
    const current = settings();
    if (seen && seen.entries === current.neverSend && seen.baseUrl === current.apiBaseUrl) return seen.policy;
    const list = parseNeverSendList(current.neverSend);
    if (list.invalid.length > 0 && seen?.entries !== current.neverSend) {
      onInvalid(
        `niamonx.neverSend: ${list.invalid.length} entr${list.invalid.length === 1 ? 'y is' : 'ies are'} not used: ${list.invalid
          .slice(0, 5)
          .map((item) => `“${item.entry}” (${item.reason})`)
          .join(', ')}`,
      );
    }
    const policy: NeverSendPolicy = { list, allowTestRanges: developmentMode && sendsToThisComputer(current.apiBaseUrl) };
    seen = { entries: current.neverSend, baseUrl: current.apiBaseUrl, policy };
    return policy;
  };
}

/** The API is the local emulator (or anything else on loopback): nothing leaves this computer. */
function sendsToThisComputer(baseUrl: string): boolean {
  const check = checkBaseUrl(baseUrl);
  return check.ok && isLoopbackHost(check.url.hostname);
}
