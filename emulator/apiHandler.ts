import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorConfig } from './config';
import { planFault } from './faultResponses';
import type { Fault, FaultQueue } from './faults';
import { errorReply, jsonReply, readBody, recordableHeaders, sendReply, sleep, type Reply } from './httpUtil';
import { hashKey, type KeyStore } from './keyStore';
import type { RateLimiter } from './rateLimiter';
import type { ArrivedRequest, RecordedRequest } from './recordedRequest';
import { toolReply } from './toolReply';
import type { WatchedList } from './watchedList';

export const API_PREFIX = '/api/v2';
const TOOL_PATH = /^\/api\/v2\/([^/]+)$/;
const MAX_BODY_BYTES = 1024 * 1024;

/** The emulator's state as one API request sees it. */
export interface ApiState {
  config(): EmulatorConfig;
  origin(): string;
  now: () => number;
  keys: KeyStore;
  limiter: RateLimiter;
  faults: FaultQueue;
  /** Draws a fault for requests the queue has none for, when random faults are configured. */
  randomFault(tool: string): Fault | undefined;
  log: WatchedList<RecordedRequest>;
  arrivals: WatchedList<ArrivedRequest>;
  /** Paths on this server that redirect faults pointed at. */
  redirectTargets: Set<string>;
}

/** Serves one request outside the control API: records it once its status is known, then answers. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, signal: AbortSignal, state: ApiState): Promise<void> {
  const received = await readBody(req, MAX_BODY_BYTES);
  const key = req.headers['x-api-key'];
  const keyHash = typeof key === 'string' && key !== '' ? hashKey(key) : undefined;
  const tool = TOOL_PATH.exec(url.pathname)?.[1];
  const seen: ArrivedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname + url.search,
    headers: recordableHeaders(req),
    body: parseOrUndefined(received.text),
    rawBody: received.text,
    at: state.now(),
    hasKey: keyHash !== undefined,
    ...(tool !== undefined && { tool }),
    ...(keyHash !== undefined && { keyHash }),
    ...(state.redirectTargets.has(url.pathname) && { redirectFollowUp: true }),
  };
  state.arrivals.add(seen);
  const record = (status: number, fault?: string): void => state.log.add({ ...seen, status, ...(fault !== undefined && { fault }) });

  if (tool === undefined) {
    const reply = outsideToolsReply(url.pathname, state.redirectTargets);
    record(reply.status);
    return sendReply(res, reply);
  }
  // Latency applies to every tool-path answer (errors and faults too) and ends early if the client leaves.
  const config = state.config();
  if (!(await sleep(config.toolLatencyMs[tool] ?? config.latencyMs, signal))) return record(0);
  const normalReply = (): Reply =>
    toolReply(
      { method: seen.method, tool, headers: req.headers, keyHash, rawBody: received.text, bodyTooLarge: received.tooLarge },
      { config: state.config(), keys: state.keys, limiter: state.limiter, now: state.now },
    );
  const fault = state.faults.take(tool) ?? state.randomFault(tool);
  if (!fault) {
    const reply = normalReply();
    record(reply.status);
    return sendReply(res, reply);
  }
  const plan = planFault(fault, {
    tool,
    origin: state.origin(),
    apiKey: typeof key === 'string' ? key : undefined,
    normalReply,
    noteRedirectTarget: (path) => state.redirectTargets.add(path),
  });
  record(plan.status, fault.type);
  await plan.deliver(req, res, signal);
}

/** Only redirect landings live outside tool paths; everything else there is unknown. */
function outsideToolsReply(pathname: string, redirectTargets: Set<string>): Reply {
  if (redirectTargets.has(pathname)) return jsonReply(200, { success: true, data: { redirected: true } });
  return errorReply(404, pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`) ? 'Unknown endpoint' : 'Not found');
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
