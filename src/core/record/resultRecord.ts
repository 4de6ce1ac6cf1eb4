import * as z from 'zod/mini';
import { ERROR_KINDS } from '../errors';
import { lazy } from '../lazy';
import { localTextSchema } from './localTextSchema';

export const toolErrorSchema = lazy(() =>
  z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    retryAfterSeconds: z.optional(z.number()),
    daily: z.optional(z.boolean()),
    /** The message as our text to translate where shown; dropped (not the record) when malformed. */
    text: z.optional(z.catch(z.optional(localTextSchema()), undefined)),
  }),
);

/**
 * One finished tool run as the views, the history and the exports see it: plain data
 * (JSON-serialisable) so it can be persisted and posted to a webview. `data` is already
 * redacted when `redactedCount` > 0; nothing in a record ever holds the API key.
 *
 * The one schema for a record read back from anywhere untrusted (storage written by any
 * earlier version or hand-edited, a webview's saved state, a command argument). Unknown
 * fields are dropped; the type is derived from it, so the two cannot drift apart.
 */
export const resultRecordSchema = lazy(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    tool: z.string(),
    toolLabel: z.optional(z.string()),
    /** What the user ran the tool on (the IP, email, ... or a JSON body as text): for display. */
    input: z.string(),
    /**
     * The JSON body sent, when the run was given one ready-made (a string input is rebuilt into
     * the same body from `tool` and `input`). Run Again sends exactly this.
     */
    requestBody: z.optional(z.record(z.string(), z.unknown())),
    /** `requestBody` had secret values masked, so it cannot be sent again as it was. */
    requestBodyRedacted: z.optional(z.boolean()),
    /** Epoch milliseconds when the run started. */
    startedAt: z.number(),
    durationMs: z.optional(z.number()),
    status: z.optional(z.int()),
    ok: z.boolean(),
    data: z.optional(z.unknown()),
    error: z.optional(toolErrorSchema()),
    /** Answered from the local cache, no API call was spent. */
    cached: z.optional(z.boolean()),
    /** How many sensitive values were masked in `data` (0 or absent: none). */
    redactedCount: z.optional(z.int().check(z.nonnegative())),
    /** Who asked for the run: absent for the user, 'agent' for an AI agent through a language-model tool. */
    origin: z.optional(z.enum(['user', 'agent'])),
    /** A bulk run's summary: `pending` are the inputs its Run Again re-runs (failed and not run). */
    bulk: z.optional(z.object({ pending: z.array(z.string()) })),
  }),
);

export type ResultRecord = z.infer<ReturnType<typeof resultRecordSchema>>;

export type RunOrigin = NonNullable<ResultRecord['origin']>;
