import { renderText, type LocalText } from './localText';
import type { Translate } from './translate';

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
  /** `message` as a text to translate where it is shown; absent when it holds text we did not write. */
  text?: LocalText;
}

/** A failed call as an Error, so it can travel through promise chains and stack traces. */
export class ToolCallError extends Error {
  readonly text?: LocalText;

  constructor(
    readonly kind: ErrorKind,
    message: string | LocalText,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    readonly daily?: boolean,
  ) {
    super(typeof message === 'string' ? message : renderText(message));
    this.name = 'ToolCallError';
    if (typeof message !== 'string') this.text = message;
  }

  toToolError(): ToolError {
    const error: ToolError = { kind: this.kind, message: this.message };
    // Only while the message is still the text's English (a scrubbed message drops it).
    if (this.text && renderText(this.text) === this.message) error.text = this.text;
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    if (this.daily !== undefined) error.daily = this.daily;
    return error;
  }
}

/** The outcome of one tool run, as returned by the public API. */
export type ToolRun =
  | { ok: true; tool: string; status: number; data: unknown; durationMs: number; cached?: boolean }
  | { ok: false; tool: string; status?: number; error: ToolError; durationMs?: number };

/**
 * A failure's message in the language of `t` when it is our text (and still says what the
 * message says); otherwise the message as written (what a server wrote, a scrubbed message).
 */
export function shownMessage(error: { message: string; text?: LocalText }, t: Translate): string {
  return error.text && renderText(error.text) === error.message ? renderText(error.text, t) : error.message;
}
