/** Every way a tool call can fail, each with its own message and next step for the user. */
export const ERROR_KINDS = [
  'validation',
  'auth',
  'disabled',
  'unknown-tool',
  'method',
  'rate-limit',
  'server',
  'bad-response',
  'network',
  'timeout',
  'cancelled',
  'config',
  /** The target is on the never-send list (or is not public): refused before any request. */
  'never-send',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ToolError {
  kind: ErrorKind;
  /** Written for a person; never contains the API key. */
  message: string;
  /** For `rate-limit`: how long to wait, when the server said or hinted it. */
  retryAfterSeconds?: number;
  /** For `rate-limit`: the daily quota is spent (as opposed to a short cooldown). */
  daily?: boolean;
}

/** A failed call as an Error, so it can travel through promise chains and stack traces. */
export class ToolCallError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    readonly daily?: boolean,
  ) {
    super(message);
    this.name = 'ToolCallError';
  }

  toToolError(): ToolError {
    const error: ToolError = { kind: this.kind, message: this.message };
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    if (this.daily !== undefined) error.daily = this.daily;
    return error;
  }
}

/** The outcome of one tool run, as returned by the public API. */
export type ToolRun =
  | { ok: true; tool: string; status: number; data: unknown; durationMs: number; cached?: boolean }
  | { ok: false; tool: string; status?: number; error: ToolError; durationMs?: number };
