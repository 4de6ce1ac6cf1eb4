import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { partialConfigSchema, type EmulatorConfig } from './config';
import { faultSchema, type Fault } from './faults';
import { jsonReply, readBody, sendReply, type Reply } from './httpUtil';
import type { ArrivedRequest, RecordedRequest } from './recordedRequest';

/** Prefix of the control API, deliberately outside /api/v2 so clients can never reach it by a tool name. */
export const CONTROL_PREFIX = '/__emulator/';

/** What the control API drives; the emulator implements it. */
export interface ControlTarget {
  requests(): readonly RecordedRequest[];
  reset(): void;
  configure(partial: Partial<EmulatorConfig>): void;
  // Properties, not methods: the emulator hands them out unbound (`keys.forEach(control.addKey)`).
  addKey: (key: string) => void;
  revokeKey: (key: string) => void;
  injectFault: (fault: Fault) => void;
  /** At least `count` requests (to `tool`, if given), or a rejection after `timeoutMs`. */
  waitForCount(tool: string | undefined, count: number, timeoutMs: number, signal: AbortSignal): Promise<RecordedRequest[]>;
  /** Like waitForCount, but counts requests as soon as they arrive, before any answer (to cancel one in flight). */
  waitForArrivalCount(tool: string | undefined, count: number, timeoutMs: number, signal: AbortSignal): Promise<ArrivedRequest[]>;
}

const keysSchema = z.strictObject({
  add: z.array(z.string().min(1)).optional(),
  revoke: z.array(z.string().min(1)).optional(),
});

const waitQuerySchema = z.strictObject({
  tool: z.string().min(1).optional(),
  count: z.coerce.number().pipe(z.int().min(1)).default(1),
  timeoutMs: z.coerce.number().pipe(z.int().min(0).max(120_000)).default(5_000),
});

const ok = (): Reply => jsonReply(200, { ok: true });
const failure = (status: number, error: string, headers = {}): Reply => jsonReply(status, { ok: false, error }, headers);

type Route = (body: unknown, url: URL, target: ControlTarget, signal: AbortSignal) => Reply | Promise<Reply>;

/** Parses `body` with `schema`, answering 400 with zod's account of what is wrong. */
function withBody<S extends z.ZodType>(schema: S, act: (value: z.infer<S>, target: ControlTarget) => void): Route {
  return (body, _url, target) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return failure(400, z.prettifyError(parsed.error));
    act(parsed.data, target);
    return ok();
  };
}

const ROUTES: Record<string, { method: 'GET' | 'POST'; route: Route }> = {
  requests: { method: 'GET', route: (_body, _url, target) => jsonReply(200, target.requests()) },
  reset: { method: 'POST', route: (_body, _url, target) => (target.reset(), ok()) },
  config: {
    method: 'POST',
    route: withBody(partialConfigSchema, (partial, target) => target.configure(partial as Partial<EmulatorConfig>)),
  },
  keys: {
    method: 'POST',
    route: withBody(keysSchema, ({ add = [], revoke = [] }, target) => {
      add.forEach((key) => target.addKey(key));
      revoke.forEach((key) => target.revokeKey(key));
    }),
  },
  faults: { method: 'POST', route: withBody(faultSchema, (fault, target) => target.injectFault(fault)) },
  wait: { method: 'GET', route: waitRoute((target, ...args) => target.waitForCount(...args)) },
  arrivals: { method: 'GET', route: waitRoute((target, ...args) => target.waitForArrivalCount(...args)) },
};

/** A GET that answers once `wait` resolves (200 with the requests), or 408 when it times out. */
function waitRoute(
  wait: (target: ControlTarget, tool: string | undefined, count: number, timeoutMs: number, signal: AbortSignal) => Promise<unknown>,
): Route {
  return async (_body, url, target, signal) => {
    const parsed = waitQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) return failure(400, z.prettifyError(parsed.error));
    const { tool, count, timeoutMs } = parsed.data;
    try {
      return jsonReply(200, await wait(target, tool, count, timeoutMs, signal));
    } catch (error) {
      return failure(408, (error as Error).message);
    }
  };
}

/** Room for hostile answers a test scripts (a megabyte-long key name and value). */
const MAX_CONTROL_BODY_BYTES = 16 * 1024 * 1024;

/** Serves one /__emulator/<name> request. No key is needed: the emulator only listens on loopback. */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: ControlTarget,
  signal: AbortSignal,
): Promise<void> {
  const name = url.pathname.slice(CONTROL_PREFIX.length);
  const entry = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  const received = await readBody(req, MAX_CONTROL_BODY_BYTES);
  if (!entry) return sendReply(res, failure(404, `Unknown control endpoint ${url.pathname}`));
  if (req.method !== entry.method) return sendReply(res, failure(405, `Use ${entry.method}`, { Allow: entry.method }));
  if (received.tooLarge) return sendReply(res, failure(413, `Body is larger than ${MAX_CONTROL_BODY_BYTES / 1024 / 1024} MiB`));
  let body: unknown;
  try {
    body = received.text.trim() === '' ? {} : JSON.parse(received.text);
  } catch (error) {
    return sendReply(res, failure(400, `Body is not valid JSON: ${(error as Error).message}`));
  }
  const reply = await entry.route(body, url, target, signal);
  if (!res.destroyed) sendReply(res, reply);
}
