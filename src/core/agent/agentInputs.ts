import * as z from 'zod/mini';
import { lazy } from '../lazy';

/** The five language-model tools, by the names they are contributed under in package.json. */
export const AgentToolName = {
  ExtractIndicators: 'niamonx_extract_indicators',
  ListTools: 'niamonx_list_tools',
  Ping: 'niamonx_ping',
  RunTool: 'niamonx_run_tool',
  PingMany: 'niamonx_ping_many',
} as const;

export type AgentToolName = (typeof AgentToolName)[keyof typeof AgentToolName];

/** At most this many addresses in one niamonx_ping_many call (each unique public one is a paid call). */
export const MAX_PING_MANY = 50;
/** Longest text niamonx_extract_indicators scans at once, so one call cannot stall the extension host. */
export const MAX_EXTRACT_CHARS = 100_000;
const MAX_VALUE_CHARS = 1_000;

/*
 * What a model sends is untrusted (VS Code does not promise to check it against the declared
 * schema), so each input is parsed here; the schemas in package.json say the same for the model.
 */
export const extractInput = lazy(() =>
  z.object({
    text: z
      .string()
      .check(z.maxLength(MAX_EXTRACT_CHARS, `text is longer than ${MAX_EXTRACT_CHARS} characters; split it and call once per part`)),
  }),
);
export const listToolsInput = lazy(() => z.looseObject({}));
export const pingInput = lazy(() =>
  z.object({
    ip: z.string().check(z.trim(), z.minLength(1, 'ip is empty'), z.maxLength(MAX_VALUE_CHARS, 'ip is too long to be an address')),
  }),
);
export const runToolInput = lazy(() =>
  z.object({
    tool: z.string().check(z.trim(), z.minLength(1, 'tool is empty'), z.maxLength(64, 'tool is longer than a tool name can be')),
    input: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'input is empty'),
        z.maxLength(MAX_VALUE_CHARS, `input is longer than ${MAX_VALUE_CHARS} characters`),
      ),
  }),
);
export const pingManyInput = lazy(() =>
  z.object({
    ips: z
      .array(
        z.string().check(z.maxLength(MAX_VALUE_CHARS, 'an entry of ips is too long to be an address')),
        'ips must be an array of strings',
      )
      .check(
        z.minLength(1, 'ips is empty'),
        z.maxLength(MAX_PING_MANY, `ips has more than ${MAX_PING_MANY} entries; split them into calls of at most ${MAX_PING_MANY}`),
      ),
  }),
);

export type ExtractInput = z.infer<ReturnType<typeof extractInput>>;
export type PingInput = z.infer<ReturnType<typeof pingInput>>;
export type RunToolInput = z.infer<ReturnType<typeof runToolInput>>;
export type PingManyInput = z.infer<ReturnType<typeof pingManyInput>>;

/** Parses a model's input or returns the message of an `invalid-input` error (nothing is sent). */
export function parseAgentInput<T>(schema: z.ZodMiniType<T>, input: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return { ok: false, message: `invalid-input: ${problems.join('; ')}. Nothing was sent. Fix the input before calling again.` };
}
