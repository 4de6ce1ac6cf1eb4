import type { z } from 'zod';

/** What a built-in tool may know about the call besides its body. */
export interface ToolContext {
  /** The emulator clock, for timestamps in the data. */
  now: number;
  /** Calls the key has left today after this one; null without a daily limit. */
  remainingToday: number | null;
}

export type ToolOutcome = { ok: true; data: unknown } | { ok: false; message: string };

/** A tool: validates its body (answering 400 with the first problem) and builds `data`. */
export interface Tool {
  run(body: Record<string, unknown>, context: ToolContext): ToolOutcome;
}

export function defineTool<S extends z.ZodType>(schema: S, answer: (body: z.infer<S>, context: ToolContext) => unknown): Tool {
  return {
    run(body, context) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        return { ok: false, message: `Validation error: ${parsed.error.issues[0]?.message ?? 'invalid body'}` };
      }
      return { ok: true, data: answer(parsed.data, context) };
    },
  };
}
