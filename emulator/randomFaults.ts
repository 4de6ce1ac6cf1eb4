import { z } from 'zod';
import type { Fault } from './faults';

/**
 * Random faults for soak tests: each tool request without a queued fault draws one, with the
 * given probabilities, from a seeded generator (the same seed and request order give the same
 * faults, so a failing soak can be replayed). Rates are per request and add up to at most 1.
 */
export const randomFaultsSchema = z
  .strictObject({
    seed: z.int(),
    /** Only requests to this tool draw a fault (default: any tool path). */
    tool: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    /** 500, 502 or 503 with a JSON error body. */
    serverError: z.number().min(0).max(1).default(0),
    /** 429 "Too many requests" with Retry-After: retryAfterSeconds (a cooldown, not the daily limit). */
    rateLimit: z.number().min(0).max(1).default(0),
    /** The normal answer, after slowMs. */
    slow: z.number().min(0).max(1).default(0),
    /** A 200 whose body is not the API's JSON: cut mid-JSON, or an HTML page. */
    malformed: z.number().min(0).max(1).default(0),
    retryAfterSeconds: z.int().min(0).max(3600).default(1),
    slowMs: z.int().min(0).max(60_000).default(250),
  })
  .refine((rates) => rates.serverError + rates.rateLimit + rates.slow + rates.malformed <= 1, 'the rates add up to more than 1');

export type RandomFaultsConfig = z.input<typeof randomFaultsSchema>;

/** mulberry32: small, fast and good enough to spread faults; deterministic for a seed. */
function seeded(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws the fault (or none) for each request, in arrival order. */
export class RandomFaults {
  private readonly settings: z.output<typeof randomFaultsSchema>;
  private readonly random: () => number;

  constructor(config: RandomFaultsConfig) {
    this.settings = randomFaultsSchema.parse(config);
    this.random = seeded(this.settings.seed);
  }

  next(tool: string): Fault | undefined {
    const { settings } = this;
    if (settings.tool !== undefined && settings.tool !== tool) return undefined;
    // Two draws per request whatever the outcome, so one fault's kind never shifts the next.
    const roll = this.random();
    const pick = this.random();
    let edge = settings.serverError;
    if (roll < edge) return { type: 'status', status: [500, 502, 503][Math.floor(pick * 3)] };
    edge += settings.rateLimit;
    if (roll < edge)
      return {
        type: 'status',
        status: 429,
        body: { success: false, error: 'Too many requests' },
        headers: { 'Retry-After': String(settings.retryAfterSeconds) },
      };
    edge += settings.slow;
    if (roll < edge) return { type: 'slow', headersAfterMs: settings.slowMs };
    edge += settings.malformed;
    if (roll < edge) return pick < 0.5 ? { type: 'truncated-json' } : { type: 'html', status: 200 };
    return undefined;
  }
}
