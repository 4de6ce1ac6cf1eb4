import { ToolCallError } from '../errors';
import { toolUrl } from './baseUrlRules';
import { requireApiKey } from './keyRules';
import { networkError } from './networkErrors';
import { DEFAULT_MAX_BODY_BYTES, isAbortError, readBodyCapped } from './readBody';
import { parseAnswer } from './responseParser';
import { t } from '../localText';

export interface ToolCall {
  baseUrl: string | undefined;
  apiKey: string | undefined;
  tool: string;
  body: unknown;
  timeoutMs: number;
  /** The user's cancel; combined with the deadline. */
  signal?: AbortSignal;
  maxBodyBytes?: number;
  fetchImpl?: typeof fetch;
}

export interface ToolAnswer {
  status: number;
  data: unknown;
  durationMs: number;
  /** The answer's text length, for the cache's byte budget. */
  bytes: number;
}

/**
 * One `POST {base}/{tool}` to the NiamonX API. Resolves with the tool's `data` on
 * `{success: true}`, otherwise throws a `ToolCallError` of one kind. Never retries,
 * never follows redirects (the key must not travel to another URL), and scrubs the
 * key from anything it reports.
 */
export async function callTool(call: ToolCall): Promise<ToolAnswer> {
  const key = requireApiKey(call.apiKey);
  try {
    return await send(call, key);
  } catch (error) {
    throw scrubbed(error, key);
  }
}

async function send(call: ToolCall, key: string): Promise<ToolAnswer> {
  const url = toolUrl(call.baseUrl, call.tool);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
  const started = performance.now();
  try {
    if (call.signal?.aborted) throw cancelled();
    let response: Response;
    try {
      response = await (call.fetchImpl ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-API-Key': key },
        body: JSON.stringify(call.body ?? {}),
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw abortReason(call, deadline);
      throw networkError(error, url);
    }
    let body;
    try {
      body = await readBodyCapped(response, call.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw abortReason(call, deadline);
      throw error;
    }
    const data = parseAnswer(call.tool, {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: body.text,
      truncated: body.truncated,
      retryAfterHeader: response.headers.get('retry-after'),
      location: response.headers.get('location'),
    });
    return { status: response.status, data, durationMs: Math.round(performance.now() - started), bytes: body.text.length };
  } finally {
    clearTimeout(timer);
  }
}

function abortReason(call: ToolCall, deadline: AbortController): ToolCallError {
  if (call.signal?.aborted) return cancelled();
  if (deadline.signal.aborted) {
    const seconds = Math.round(call.timeoutMs / 100) / 10;
    return new ToolCallError(
      'timeout',
      t('No answer from NiamonX within {0} s. Try again, or raise niamonx.requestTimeoutSeconds if the tool is slow.', seconds),
    );
  }
  return cancelled();
}

function cancelled(): ToolCallError {
  return new ToolCallError('cancelled', t('Cancelled.'));
}

/** Last line of defence: no error that leaves the client may carry the key. */
function scrubbed(error: unknown, key: string): ToolCallError {
  const known =
    error instanceof ToolCallError
      ? error
      : new ToolCallError('network', `Unexpected failure: ${String((error as Error)?.message ?? error)}`);
  // A key this short cannot be told apart from ordinary words; real keys are far longer.
  if (key.length < 6) return known;
  if (!known.message.includes(key) && !(known.stack ?? '').includes(key)) return known;
  const clean = new ToolCallError(
    known.kind,
    known.message.split(key).join('[redacted]'),
    known.status,
    known.retryAfterSeconds,
    known.daily,
  );
  clean.stack = (clean.stack ?? '').split(key).join('[redacted]');
  return clean;
}
