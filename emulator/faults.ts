import { z } from 'zod';

/*
 * Faults answer the NEXT request to a tool path (/api/v2/<tool>) instead of the normal
 * behaviour: after the configured latency, before any method, key or limit check (only
 * `slow` and `no-json-content-type` deliver the normal answer, and only a normal 200 counts
 * against the rate limits). Common fields:
 *   tool    only requests to this tool match (default: any tool path)
 *   sticky  stays in the queue until reset() (default: used once)
 * Types and their fields:
 *   html                  status (default 502), body (default a gateway error page); text/html
 *   truncated-json        200 JSON cut after `{"success":true,"data":{"ip":`, then the socket ends
 *   success-false         200 {success:false, error} (error defaults to a generic message)
 *   empty-body            status (default 200), no body at all
 *   redirect              status (default 302), to: a path on this server or an absolute URL
 *                         (default /redirected/api/v2/<tool>); follow-ups to this server are
 *                         recorded with redirectFollowUp: true and hasKey
 *   slow                  headersAfterMs before the (normal) answer starts; trickleChunks /
 *                         trickleIntervalMs to dribble its body in pieces
 *   oversized             megabytes (MiB) of valid JSON, streamed; declareLength sends Content-Length
 *   status                any status with body (string, or JSON if an object) and headers,
 *                         e.g. 503, or 429 with Retry-After as an HTTP-date
 *   reset                 the socket is destroyed without an answer
 *   no-json-content-type  the normal answer, labelled contentType (default text/plain)
 *   echo-key              status (default 401) whose answer repeats the X-API-Key it received,
 *                         in the JSON error body (in: body), in response headers and the
 *                         content type (in: header), or both (default)
 *   short-body            200 valid JSON declaring a Content-Length `missingBytes` (default 100)
 *                         larger than the body, then the socket ends: a body cut short
 *   deep-json             200 {success:true, data} with data nested `depth` levels ([[[…]]] or
 *                         {"n":{"n":…}} for shape: object), streamed
 */

const toolName = z.string().regex(/^[A-Za-z0-9_-]+$/, 'tool names use letters, digits, _ and - only');
const millis = z.int().min(0).max(600_000);
const httpStatus = z.int().min(200).max(599);
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid header name');
const headerValue = z.string().regex(/^[^\r\n\0]*$/, 'header values cannot contain line breaks');

const common = { tool: toolName.optional(), sticky: z.boolean().optional() };

export const faultSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('html'), status: httpStatus.optional(), body: z.string().optional(), ...common }),
  z.strictObject({ type: z.literal('truncated-json'), ...common }),
  z.strictObject({ type: z.literal('success-false'), error: z.string().optional(), ...common }),
  z.strictObject({ type: z.literal('empty-body'), status: httpStatus.optional(), ...common }),
  z.strictObject({
    type: z.literal('redirect'),
    status: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).optional(),
    to: z
      .string()
      .refine((to) => to.startsWith('/') || /^https?:\/\//.test(to), 'to must be a path or an http(s) URL')
      .optional(),
    ...common,
  }),
  z.strictObject({
    type: z.literal('slow'),
    headersAfterMs: millis.optional(),
    trickleChunks: z.int().min(1).max(1000).optional(),
    trickleIntervalMs: millis.optional(),
    ...common,
  }),
  z.strictObject({
    type: z.literal('oversized'),
    megabytes: z.number().positive().max(1024),
    declareLength: z.boolean().optional(),
    ...common,
  }),
  z.strictObject({
    type: z.literal('status'),
    status: httpStatus,
    body: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    headers: z.record(headerName, headerValue).optional(),
    ...common,
  }),
  z.strictObject({ type: z.literal('reset'), ...common }),
  z.strictObject({ type: z.literal('no-json-content-type'), contentType: headerValue.optional(), ...common }),
  z.strictObject({
    type: z.literal('echo-key'),
    status: httpStatus.optional(),
    in: z.enum(['body', 'header', 'both']).optional(),
    ...common,
  }),
  z.strictObject({ type: z.literal('short-body'), missingBytes: z.int().min(1).max(1_000_000).optional(), ...common }),
  z.strictObject({
    type: z.literal('deep-json'),
    depth: z.int().min(1).max(10_000_000),
    shape: z.enum(['array', 'object']).optional(),
    ...common,
  }),
]);

export type Fault = z.infer<typeof faultSchema>;

/** Pending faults in injection order; the first one matching a request answers it. */
export class FaultQueue {
  private queue: Fault[] = [];

  push(fault: Fault): void {
    this.queue.push(fault);
  }

  /** The fault for a request to `tool`, removed unless sticky. */
  take(tool: string): Fault | undefined {
    const index = this.queue.findIndex((fault) => fault.tool === undefined || fault.tool === tool);
    if (index < 0) return undefined;
    const fault = this.queue[index];
    if (!fault.sticky) this.queue.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.queue = [];
  }
}
