import * as z from 'zod/mini';
import { ToolCallError } from '../errors';
import { lazy } from '../lazy';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './jsonDepth';
import { isDailyLimit, retryAfterSeconds } from './retryAfter';
import { followedBy, t } from '../localText';

const successSchema = lazy(() => z.object({ success: z.literal(true), data: z.unknown() }));

/** Error bodies are undocumented: take the first readable message field we know of. */
const errorBodySchema = lazy(() =>
  z.object({
    error: z.optional(z.union([z.string(), z.object({ message: z.string() })])),
    message: z.optional(z.string()),
    detail: z.optional(z.string()),
    details: z.optional(z.string()),
  }),
);

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  truncated: boolean;
  retryAfterHeader: string | null;
  location: string | null;
}

/** Turns an HTTP answer into the tool's `data`, or throws one `ToolCallError` with a message for a person. */
export function parseAnswer(tool: string, answer: RawAnswer, now = Date.now()): unknown {
  const { status } = answer;
  if (status >= 300 && status < 400) throw redirected(status, answer.location);
  const parsed = answer.truncated ? undefined : tryParseJson(answer.text);
  // JSON.parse itself overflows on some deep shapes ({"n":{"n":…}}): that is the same refusal.
  if (parsed === TOO_DEEP && status === 200) throw tooDeep(status, answer);
  const json = parsed === TOO_DEEP ? undefined : parsed;
  const serverMessage = json === undefined ? undefined : messageOf(json);
  if (status === 200) return successData(tool, answer, json, serverMessage);
  throw failure(tool, answer, serverMessage, now);
}

/** A redirect is refused, never followed: the API key would go along to the other address. */
function redirected(status: number, location: string | null): ToolCallError {
  const text = location
    ? t(
        'NiamonX answered with a redirect (HTTP {0} to {1}). Redirects are not followed so your API key is never sent to another address; check niamonx.apiBaseUrl.',
        status,
        excerpt(location, 120),
      )
    : t(
        'NiamonX answered with a redirect (HTTP {0}). Redirects are not followed so your API key is never sent to another address; check niamonx.apiBaseUrl.',
        status,
      );
  return new ToolCallError('bad-response', text, status);
}

/** The `data` of a 200 answer that says `success: true`; else the error to throw. */
function successData(tool: string, answer: RawAnswer, json: unknown, serverMessage: string | undefined): unknown {
  const status = answer.status;
  const success = successSchema().safeParse(json);
  if (success.success) {
    // Checked here, once, so nothing downstream (log, history, export, webview) overflows.
    if (nestsDeeperThan(success.data.data)) throw tooDeep(status, answer);
    return success.data.data ?? null;
  }
  if (json !== undefined && typeof json === 'object' && json !== null && (json as { success?: unknown }).success === false) {
    throw new ToolCallError(
      'bad-response',
      `NiamonX reported that ${tool} failed${serverMessage ? `: ${serverMessage}` : ' (success: false, no message).'}`,
      status,
    );
  }
  throw unexpected(status, answer);
}

/** The error for an answer that is neither a success nor a redirect, by its status. */
function failure(tool: string, answer: RawAnswer, serverMessage: string | undefined, now: number): ToolCallError {
  const { status } = answer;
  const said = serverMessage ? t(' NiamonX said: {0}', serverMessage) : undefined;
  switch (status) {
    case 400:
      return new ToolCallError(
        'validation',
        serverMessage
          ? t('NiamonX rejected the input for {0}: {1}.', tool, serverMessage)
          : t('NiamonX rejected the input for {0}: validation error (no details given).', tool),
        status,
      );
    case 401:
      return new ToolCallError(
        'auth',
        followedBy(t('NiamonX did not accept the API key (invalid, revoked or missing). Set it again with "NiamonX: Set API Key".'), said),
        status,
      );
    case 403:
      return new ToolCallError(
        'disabled',
        followedBy(
          t("The tool {0} is disabled for this API key. Check your plan or the tool's status in the NiamonX dashboard.", tool),
          said,
        ),
        status,
      );
    case 404:
      return new ToolCallError(
        'unknown-tool',
        followedBy(
          t('NiamonX does not know the tool "{0}" (HTTP 404). Check the tool name, or that niamonx.apiBaseUrl ends in /api/v2.', tool),
          said,
        ),
        status,
      );
    case 405:
      return new ToolCallError(
        'method',
        followedBy(
          t('The server refused the request method (HTTP 405). niamonx.apiBaseUrl probably does not point at the NiamonX API v2.'),
          said,
        ),
        status,
      );
    case 429:
      return rateLimited(tool, answer, serverMessage, now);
  }
  if (status >= 500) {
    return new ToolCallError(
      'server',
      followedBy(t('NiamonX had a server error (HTTP {0}). Try again in a few minutes.', status), said),
      status,
    );
  }
  return unexpected(status, answer);
}

function rateLimited(tool: string, answer: RawAnswer, serverMessage: string | undefined, now: number): ToolCallError {
  const seconds = retryAfterSeconds(answer.retryAfterHeader, serverMessage, now);
  const daily = isDailyLimit(serverMessage);
  const what = daily ? t('The daily request limit of this API key is used up.') : t('{0} is cooling down for this API key.', tool);
  const wait = seconds === undefined ? undefined : t(' Retry in {0}.', formatDuration(seconds));
  const said = serverMessage ? t(' NiamonX said: {0}', serverMessage) : undefined;
  return new ToolCallError('rate-limit', followedBy(what, wait ? followedBy(wait, said) : said), 429, seconds, daily);
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}

function unexpected(status: number, answer: RawAnswer): ToolCallError {
  const type = answer.contentType || t('no content type');
  // What the server sent is quoted as it was written; our words are translated where shown.
  const what = answer.text.trim()
    ? t('Unexpected answer from NiamonX (HTTP {0}, {1}): “{2}”.', status, type, excerpt(answer.text, 160))
    : t('Unexpected answer from NiamonX (HTTP {0}, {1}) with an empty body.', status, type);
  const cut = answer.truncated ? t(' The connection closed before the answer was complete.') : undefined;
  return new ToolCallError('bad-response', followedBy(what, cut), status);
}

function tooDeep(status: number, answer: RawAnswer): ToolCallError {
  const type = answer.contentType || t('no content type');
  return new ToolCallError(
    'bad-response',
    t(
      'The answer from NiamonX (HTTP {0}, {1}) nests more than {2} levels deep, which no real answer does; it was not shown or stored. Try again later, or report it to NiamonX.',
      status,
      type,
      MAX_JSON_DEPTH,
    ),
    status,
  );
}

const TOO_DEEP = Symbol('too deep');

function tryParseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    return error instanceof RangeError ? TOO_DEEP : undefined;
  }
}

function messageOf(json: unknown): string | undefined {
  const parsed = errorBodySchema().safeParse(json);
  if (!parsed.success) return undefined;
  const { error, message, detail, details } = parsed.data;
  const text = typeof error === 'string' ? error : (error?.message ?? message ?? detail ?? details);
  return text ? excerpt(text, 300) : undefined;
}

/** A short, single-line, control-character-free excerpt safe to show in a notification. */
export function excerpt(text: string, max: number): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
