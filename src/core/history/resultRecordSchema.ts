import { z } from 'zod';
import { ERROR_KINDS } from '../errors';

export const toolErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
  daily: z.boolean().optional(),
});

/**
 * A `ResultRecord` read back from storage (written by any earlier version, or hand-edited).
 * Unknown fields are dropped. `HistoryStore` returns the parsed value as a `ResultRecord`,
 * so the schema and the interface cannot drift apart without a compile error.
 */
export const resultRecordSchema = z.object({
  id: z.string().min(1),
  tool: z.string(),
  toolLabel: z.string().optional(),
  input: z.string(),
  startedAt: z.number(),
  durationMs: z.number().optional(),
  status: z.number().int().optional(),
  ok: z.boolean(),
  data: z.unknown().optional(),
  error: toolErrorSchema.optional(),
  cached: z.boolean().optional(),
  redactedCount: z.number().int().nonnegative().optional(),
  bulk: z.object({ pending: z.array(z.string()) }).optional(),
});

