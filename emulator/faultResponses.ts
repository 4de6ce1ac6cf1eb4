import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Fault } from './faults';
import { errorReply, jsonReply, sendReply, sleep, writeChunk, type Reply } from './httpUtil';

/** What a fault needs from the server. */
export interface FaultContext {
  tool: string;
  origin: string;
  /** The X-API-Key the request carried (only the echo-key fault uses it). */
  apiKey: string | undefined;
  /** The answer the request would have had (counts against limits when it is a 200). */
  normalReply(): Reply;
  /** A redirect now points at `pathname` on this server; its follow-ups get recorded as such. */
  noteRedirectTarget(pathname: string): void;
}

/** A fault's answer: the status the client will see (0: none), and how to deliver it. */
export interface FaultPlan {
  status: number;
  deliver(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void>;
}

const TRUNCATED_JSON = '{"success":true,"data":{"ip":';
const MIB = 1024 * 1024;

const sendNow = (reply: Reply): FaultPlan => ({
  status: reply.status,
  deliver: async (_req, res) => sendReply(res, reply),
});

export function planFault(fault: Fault, context: FaultContext): FaultPlan {
  switch (fault.type) {
    case 'html': {
      const status = fault.status ?? 502;
      const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
      const body =
        fault.body ?? `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><hr><p>nginx</p></body></html>`;
      return sendNow({ status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body });
    }
    case 'truncated-json':
      return {
        status: 200,
        // Raw bytes: no length, no chunking, then EOF — the body simply stops mid-JSON.
        deliver: async (req) => {
          req.socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${TRUNCATED_JSON}`);
        },
      };
    case 'success-false':
      return sendNow(jsonReply(200, { success: false, error: fault.error ?? 'Tool execution failed' }));
    case 'empty-body':
      return sendNow({ status: fault.status ?? 200, headers: { 'Content-Type': 'application/json' }, body: '' });
    case 'redirect': {
      const location = new URL(fault.to ?? `/redirected/api/v2/${context.tool}`, context.origin);
      if (location.origin === context.origin) context.noteRedirectTarget(location.pathname);
      return sendNow(errorReply(fault.status ?? 302, 'Moved', { Location: location.href }));
    }
    case 'slow':
      return slowPlan(context.normalReply(), fault.headersAfterMs ?? 0, fault.trickleChunks ?? 1, fault.trickleIntervalMs ?? 0);
    case 'oversized':
      return oversizedPlan(Math.round(fault.megabytes * MIB), fault.declareLength ?? false);
    case 'status':
      return sendNow(statusReply(fault.status, fault.body, fault.headers ?? {}));
    case 'reset':
      return { status: 0, deliver: async (req) => void req.socket.destroy() };
    case 'no-json-content-type': {
      const reply = context.normalReply();
      return sendNow({ ...reply, headers: { ...reply.headers, 'Content-Type': fault.contentType ?? 'text/plain; charset=utf-8' } });
    }
    case 'echo-key':
      return sendNow(echoKeyReply(fault.status ?? 401, fault.in ?? 'both', context.apiKey ?? ''));
    case 'short-body':
      return shortBodyPlan(fault.missingBytes ?? 100);
    case 'deep-json':
      return deepJsonPlan(fault.depth, fault.shape ?? 'array');
  }
}

/** A careless server that repeats the key it was sent, where a client might show it. */
function echoKeyReply(status: number, where: 'body' | 'header' | 'both', key: string): Reply {
  const inBody = where !== 'header';
  const inHeader = where !== 'body';
  const headers: Record<string, string> = inHeader
    ? {
        'Content-Type': `application/problem+json; key=${key}`,
        'X-Echoed-Key': key,
        'WWW-Authenticate': `ApiKey realm="${key}"`,
        Location: `/api/v2/${key}`,
      }
    : {};
  if (!inBody) return { status, headers: { ...headers, 'Content-Type': `text/plain; key=${key}` }, body: 'Unauthorized' };
  return jsonReply(status, { success: false, error: `Invalid API key: ${key}`, message: `key ${key} rejected` }, headers);
}

/** A body shorter than its Content-Length, then EOF: the client must see it as cut short. */
function shortBodyPlan(missingBytes: number): FaultPlan {
  const body = '{"success":true,"data":{"ip":"1.1.1.1"}}';
  return {
    status: 200,
    deliver: async (req) => {
      const length = Buffer.byteLength(body) + missingBytes;
      req.socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n${body}`);
    },
  };
}

/** A valid answer whose data nests `depth` levels, streamed in blocks so the emulator never builds it. */
function deepJsonPlan(depth: number, shape: 'array' | 'object'): FaultPlan {
  const [open, close] = shape === 'array' ? ['[', ']'] : ['{"n":', '}'];
  return {
    status: 200,
    async deliver(_req, res, signal) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      if (!(await writeChunk(res, '{"success":true,"data":', signal))) return;
      const block = 16 * 1024;
      for (const piece of [open, close]) {
        for (let left = depth; left > 0; left -= block) {
          if (!(await writeChunk(res, piece.repeat(Math.min(block, left)), signal))) return;
        }
        // The innermost object needs a value: {"n":{"n":null}}.
        if (piece === open && shape === 'object' && !(await writeChunk(res, 'null', signal))) return;
      }
      res.end('}');
    },
  };
}

function statusReply(status: number, body: string | Record<string, unknown> | undefined, headers: Record<string, string>): Reply {
  if (typeof body === 'string') return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body };
  return jsonReply(status, body ?? { success: false, error: `Emulated HTTP ${status}` }, headers);
}

function slowPlan(reply: Reply, headersAfterMs: number, chunks: number, intervalMs: number): FaultPlan {
  return {
    status: reply.status,
    async deliver(_req, res, signal) {
      if (!(await sleep(headersAfterMs, signal))) return;
      const body = Buffer.from(reply.body);
      res.writeHead(reply.status, { ...reply.headers, 'Content-Length': body.length });
      const size = Math.ceil(body.length / chunks);
      for (let start = 0; start < body.length; start += size) {
        if (start > 0 && !(await sleep(intervalMs, signal))) return;
        if (!(await writeChunk(res, body.subarray(start, start + size), signal))) return;
      }
      res.end();
    },
  };
}

/** Valid JSON of exactly `bytes` bytes, streamed so the emulator never holds it in memory. */
function oversizedPlan(bytes: number, declareLength: boolean): FaultPlan {
  const prefix = '{"success":true,"data":{"padding":"';
  const suffix = '"}}';
  return {
    status: 200,
    async deliver(_req, res, signal) {
      const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8' };
      if (declareLength) headers['Content-Length'] = bytes;
      res.writeHead(200, headers);
      if (!(await writeChunk(res, prefix, signal))) return;
      const block = 'x'.repeat(64 * 1024);
      for (let left = Math.max(0, bytes - prefix.length - suffix.length); left > 0; left -= block.length) {
        if (!(await writeChunk(res, left >= block.length ? block : block.slice(0, left), signal))) return;
      }
      res.end(suffix);
    },
  };
}
