import { ToolCallError } from '../errors';
import { t, type LocalText } from '../localText';

/** Node/undici wrap the system error in `cause`; walk the chain for a code. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A failure before any HTTP answer, explained with what to check. */
export function networkError(error: unknown, url: string): ToolCallError {
  const host = safeHost(url);
  const code = errorCode(error) ?? '';
  let message: LocalText;
  if (code === 'ECONNREFUSED') {
    message = t('Could not connect to {0}: connection refused. Is the server running, and is niamonx.apiBaseUrl right?', host);
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = t('Could not resolve {0} (DNS). Check your network connection, proxy settings (http.proxy) and niamonx.apiBaseUrl.', host);
  } else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    message = t(
      'The connection to {0} was closed before an answer arrived. Try again; if it keeps happening, check your proxy or firewall.',
      host,
    );
  } else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
    message = t(
      'The TLS certificate of {0} was not accepted ({1}). Check the system clock, proxy and niamonx.apiBaseUrl; a corporate proxy may need http.proxyStrictSSL.',
      host,
      code,
    );
  } else if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    message = t('Connecting to {0} timed out. Check your network connection and proxy settings.', host);
  } else {
    message = code
      ? t('Could not reach {0} ({1}). Check your network connection, proxy settings and niamonx.apiBaseUrl.', host, code)
      : t('Could not reach {0}. Check your network connection, proxy settings and niamonx.apiBaseUrl.', host);
  }
  return new ToolCallError('network', message);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the NiamonX server';
  }
}
