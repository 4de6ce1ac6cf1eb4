import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorConfig } from './config';
import { errorReply, jsonReply, type Reply } from './httpUtil';
import type { KeyStore } from './keyStore';
import type { RateLimiter } from './rateLimiter';
import { BUILT_IN_TOOLS } from './tools';
import type { ToolContext, ToolOutcome } from './tools/toolTypes';

/** A request to a tool path, as the normal behaviour needs it. */
export interface ToolRequest {
  method: string;
  tool: string;
  headers: IncomingHttpHeaders;
  keyHash: string | undefined;
  rawBody: string;
  bodyTooLarge: boolean;
}

export interface ToolState {
  config: EmulatorConfig;
  keys: KeyStore;
  limiter: RateLimiter;
  now: () => number;
}

/**
 * The vendor's checks, in this order: method (405) → tool exists (404) → key (401) →
 * tool disabled (403) → rate limits (429) → body and validation (400) → 200.
 * Answering 405 before 401 means a wrong method is reported even without a key, which is
 * what a client developer needs to see first.
 */
export function toolReply(request: ToolRequest, state: ToolState): Reply {
  const { config, keys, limiter } = state;
  if (request.method !== 'POST') return errorReply(405, 'Method not allowed (use POST)', { Allow: 'POST' });
  const run = toolRunner(request.tool, config);
  if (!run) return errorReply(404, `Unknown tool: ${request.tool}`);
  const keyHash = request.keyHash;
  if (keyHash === undefined || !keys.isValid(keyHash)) return errorReply(401, 'Invalid or missing API key');
  if (config.disabledTools.includes(request.tool)) return errorReply(403, `Tool ${request.tool} is disabled`);
  const refusal = limiter.check(keyHash, request.tool, config.cooldownSeconds, config.dailyLimit);
  if (refusal) {
    return errorReply(
      429,
      config.retryHintInMessage ? refusal.message : refusal.bareMessage,
      config.retryAfterHeader ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {},
    );
  }
  const body = parseJsonObject(request);
  if (typeof body === 'string') return errorReply(400, body);
  const remaining = limiter.remainingToday(keyHash, config.dailyLimit);
  const outcome = run(body, { now: state.now(), remainingToday: remaining === null ? null : remaining - 1 });
  if (!outcome.ok) return errorReply(400, outcome.message);
  limiter.recordSuccess(keyHash, request.tool);
  return jsonReply(200, { success: true, data: outcome.data });
}

type Runner = (body: Record<string, unknown>, context: ToolContext) => ToolOutcome;

/** Configured extra tools first (so tests can stand in for a built-in), then the built-ins. */
function toolRunner(tool: string, config: EmulatorConfig): Runner | undefined {
  const extra = Object.hasOwn(config.extraTools, tool) ? config.extraTools[tool] : undefined;
  if (extra) return (body) => ({ ok: true, data: extra.kind === 'echo' ? body : extra.data });
  const builtIn = Object.hasOwn(BUILT_IN_TOOLS, tool) ? BUILT_IN_TOOLS[tool] : undefined;
  return builtIn && ((body, context) => builtIn.run(body, context));
}

/** The body as a JSON object, or the 400 message saying precisely what is wrong with it. */
function parseJsonObject(request: ToolRequest): Record<string, unknown> | string {
  const contentType = request.headers['content-type'];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return `Content-Type must be application/json (got ${contentType === undefined ? 'none' : JSON.stringify(contentType)})`;
  }
  if (request.bodyTooLarge) return 'Request body is too large';
  if (request.rawBody.trim() === '') return 'Request body is empty; expected a JSON object';
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch (error) {
    return `Request body is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return `Request body must be a JSON object, got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`;
  }
  return body as Record<string, unknown>;
}
