import { ToolCallError } from '../errors';

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
  let message: string;
  if (code === 'ECONNREFUSED') {
    message = `Could not connect to ${host}: connection refused. Is the server running, and is niamonx.apiBaseUrl right?`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = `Could not resolve ${host} (DNS). Check your network connection, proxy settings (http.proxy) and niamonx.apiBaseUrl.`;
  } else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    message = `The connection to ${host} was closed before an answer arrived. Try again; if it keeps happening, check your proxy or firewall.`;
  } else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
    message = `The TLS certificate of ${host} was not accepted (${code}). Check the system clock, proxy and niamonx.apiBaseUrl; a corporate proxy may need http.proxyStrictSSL.`;
  } else if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    message = `Connecting to ${host} timed out. Check your network connection and proxy settings.`;
  } else {
    message = `Could not reach ${host}${code ? ` (${code})` : ''}. Check your network connection, proxy settings and niamonx.apiBaseUrl.`;
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
