import { startEmulator, type Emulator, type EmulatorConfig } from '../../../emulator/server';
import { fakeClock, type FakeClock } from '../support/fakeClock';

export const KEY = 'nx-test-key-aaaa-1111';
export const OTHER_KEY = 'nx-test-key-bbbb-2222';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

export interface CallOptions {
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
  /** Raw body text; by default the JSON of `body`. */
  rawBody?: string;
  redirect?: RequestRedirect;
}

/** Calls `<emulator.url>/<tool>` like a client would (POST + JSON + X-API-Key unless told otherwise). */
export async function callTool(emulator: Emulator, tool: string, body: unknown = {}, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers['X-API-Key'] = key;
  const method = options.method ?? 'POST';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const response = await fetch(`${emulator.url}/${tool}`, {
    method,
    headers,
    ...(hasBody && { body: options.rawBody ?? JSON.stringify(body) }),
    redirect: options.redirect ?? 'manual',
  });
  return answerOf(response);
}

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * Registers mocha hooks giving each test a fresh emulator (known keys, fake clock) and
 * returns accessors for it.
 */
export function useEmulator(config: Partial<EmulatorConfig> = {}): { emulator: () => Emulator; clock: () => FakeClock } {
  let emulator: Emulator | undefined;
  let clock = fakeClock();
  beforeEach(async () => {
    clock = fakeClock();
    emulator = await startEmulator({ keys: [KEY, OTHER_KEY], config, now: clock.now });
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return {
    emulator: () => {
      if (!emulator) throw new Error('the emulator only exists inside a test');
      return emulator;
    },
    clock: () => clock,
  };
}
