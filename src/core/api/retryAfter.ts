/**
 * How long to wait after a 429. `Retry-After` is not documented by NiamonX: use it when
 * present (delta-seconds or an HTTP date), else a number of seconds/minutes/hours in the message.
 */
export function retryAfterSeconds(header: string | null, message: string | undefined, now = Date.now()): number | undefined {
  const seconds = parseRetryAfterHeader(header, now) ?? parseRetryAfterMessage(message);
  // A server's word is not unbounded: no wait longer than a day (the daily quota's reset).
  return seconds === undefined ? undefined : Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
}

export const MAX_RETRY_AFTER_SECONDS = 86_400;

export function parseRetryAfterHeader(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  // Delta-seconds or an HTTP date are short; anything longer is not a Retry-After.
  if (text.length > 64) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
};

export function parseRetryAfterMessage(message: string | undefined): number | undefined {
  if (!message) return undefined;
  // A number is tried only from the start of its digits: a megabyte of digits fails once, not once per digit.
  const withUnit = /(?<![\d.])(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b/i.exec(message);
  if (withUnit) return Math.ceil(Number(withUnit[1]) * UNIT_SECONDS[withUnit[2].toLowerCase()]);
  const bare = /\b(?:retry|try again|wait)\b\D{1,20}(\d+)/i.exec(message);
  return bare ? Number(bare[1]) : undefined;
}

/** A 429 that means the day's quota is spent, not a short per-tool cooldown. */
export function isDailyLimit(message: string | undefined): boolean {
  return !!message && /\b(?:daily|per day|a day|today|24 ?h)/i.test(message);
}
