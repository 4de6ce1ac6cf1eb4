import { z } from 'zod';

/** A tool added through configuration: answers fixed data, or echoes the request body back. */
export type ExtraTool = { kind: 'fixed'; data: unknown } | { kind: 'echo' };

export interface EmulatorConfig {
  /** Seconds a key must wait between successful calls of the same tool; 0 turns it off. */
  cooldownSeconds: number;
  /** Successful calls per key per UTC day; null means unlimited. */
  dailyLimit: number | null;
  /** Delay before answering any /api/v2 request. */
  latencyMs: number;
  /** Per-tool delay; replaces `latencyMs` for that tool. */
  toolLatencyMs: Record<string, number>;
  /** Tools answering 403. */
  disabledTools: string[];
  /** false: 429 answers carry no Retry-After, so clients must read the number from the message. */
  retryAfterHeader: boolean;
  /** false: cooldown 429 messages do not say how long to wait (with `retryAfterHeader: false`: no hint at all). */
  retryHintInMessage: boolean;
  /** Added tools by name; they take precedence over a built-in tool of the same name. */
  extraTools: Record<string, ExtraTool>;
}

export function defaultConfig(): EmulatorConfig {
  return {
    cooldownSeconds: 0,
    dailyLimit: null,
    latencyMs: 0,
    toolLatencyMs: {},
    disabledTools: [],
    retryAfterHeader: true,
    retryHintInMessage: true,
    extraTools: {},
  };
}

const toolName = z.string().regex(/^[A-Za-z0-9_-]+$/, 'tool names use letters, digits, _ and - only');
const millis = z.int().min(0).max(600_000);

const extraToolSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), data: z.unknown() }),
  z.strictObject({ kind: z.literal('echo') }),
]);

/** Partial config as accepted over the control API (a trust boundary: another process sends it). */
export const partialConfigSchema = z.strictObject({
  cooldownSeconds: z.int().min(0).max(86_400).optional(),
  dailyLimit: z.int().min(0).nullable().optional(),
  latencyMs: millis.optional(),
  toolLatencyMs: z.record(toolName, millis).optional(),
  disabledTools: z.array(toolName).optional(),
  retryAfterHeader: z.boolean().optional(),
  retryHintInMessage: z.boolean().optional(),
  extraTools: z.record(toolName, extraToolSchema).optional(),
});
