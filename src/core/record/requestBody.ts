import { redact } from './redact';

/**
 * A request body as it may be shown, logged or kept: every value under a sensitive key
 * (`password`, `session_token`, ...) masked with the rules answers are masked by. Applied
 * whatever the answer-masking setting says: the caller typed these values, nobody needs them
 * back, and the log, the history and exports must never hold them.
 */
export function maskRequestBody(body: Record<string, unknown>): { body: Record<string, unknown>; masked: boolean } {
  const result = redact(body);
  return result.count > 0 ? { body: result.data as Record<string, unknown>, masked: true } : { body, masked: false };
}
