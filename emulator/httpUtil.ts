import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A complete answer, built before anything is written so faults can delay or reshape it. */
export interface Reply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

export function jsonReply(status: number, payload: unknown, headers: OutgoingHttpHeaders = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(payload) };
}

/** The vendor's error shape. */
export function errorReply(status: number, error: string, headers: OutgoingHttpHeaders = {}): Reply {
  return jsonReply(status, { success: false, error }, headers);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

export interface ReceivedBody {
  text: string;
  tooLarge: boolean;
}

/** Reads the whole body, keeping at most `maxBytes` (the rest is drained so the socket stays usable). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<ReceivedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) tooLarge = true;
    else chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge };
}

/** Waits `ms`; resolves false instead if `signal` aborts first (client gone or emulator closing). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    timer.unref();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Writes with back-pressure; false when the client went away before the chunk could be taken. */
export function writeChunk(res: ServerResponse, chunk: string | Buffer, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean): void => {
      res.off('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onDrain = (): void => finish(true);
    const onAbort = (): void => finish(false);
    res.on('drain', onDrain);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Header values flattened to strings, without the API key (recorded requests never hold raw keys). */
export function recordableHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'x-api-key' || value === undefined) continue;
    // A client might wrongly put the key here; keep the fact, not the value.
    headers[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
