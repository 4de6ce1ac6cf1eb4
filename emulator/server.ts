import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, handleApi, type ApiState } from './apiHandler';
import { defaultConfig, type EmulatorConfig } from './config';
import { CONTROL_PREFIX, handleControl, type ControlTarget } from './controlApi';
import { FaultQueue, type Fault } from './faults';
import { errorReply, sendReply } from './httpUtil';
import { hashKey, KeyStore } from './keyStore';
import { RandomFaults } from './randomFaults';
import { RateLimiter } from './rateLimiter';
import type { ArrivedRequest, RecordedRequest } from './recordedRequest';
import { WatchedList } from './watchedList';

export type { EmulatorConfig, ExtraTool } from './config';
export type { Fault } from './faults';
export type { ArrivedRequest, RecordedRequest } from './recordedRequest';
export { hashKey };

const DEFAULT_WAIT_MS = 5_000;

export interface Emulator {
  /** Base URL of the API, e.g. "http://127.0.0.1:41234/api/v2" (no trailing slash). */
  readonly url: string;
  /** e.g. "http://127.0.0.1:41234"; the control API lives under `${origin}/__emulator/`. */
  readonly origin: string;
  readonly port: number;
  /** A snapshot of every answered (or abandoned) request outside the control API, oldest first. */
  readonly requests: readonly RecordedRequest[];
  addKey(key: string): void;
  revokeKey(key: string): void;
  /** Each given field replaces the current value. */
  configure(partial: Partial<EmulatorConfig>): void;
  injectFault(fault: Fault): void;
  /** Config back to defaults; faults, limit counters and recorded requests cleared; keys kept. */
  reset(): void;
  /** The first recorded request matching, already there or still to come; rejects on timeout or close. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * Like waitForRequest, but resolves as soon as the request has arrived (body read), before any
   * latency or answer: lets a test cancel a call the server is known to be holding.
   */
  waitForArrival(predicate: (r: ArrivedRequest) => boolean, timeoutMs?: number): Promise<ArrivedRequest>;
  /** Stops listening and cuts open connections (in-flight delays and waits end at once). Idempotent. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  keys?: string[];
  config?: Partial<EmulatorConfig>;
  /** Clock for rate limits, timestamps and `at`; tests pass a fake one instead of waiting. */
  now?: () => number;
}

/** Starts a NiamonX API v2 emulator on a real local port. */
export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
  const closing = new AbortController();
  const core = emulatorCore(options.now ?? Date.now);
  const { state } = core;
  const control = controlTarget(core, closing.signal);
  const server = createServer(requestHandler(state, control, closing.signal));

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    }));

  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  core.setOrigin(origin);
  options.keys?.forEach(control.addKey);
  core.configure(options.config ?? {});

  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    port: address.port,
    get requests() {
      return state.log.all;
    },
    addKey: control.addKey,
    revokeKey: control.revokeKey,
    configure: core.configure,
    injectFault: control.injectFault,
    reset: core.reset,
    waitForRequest: (predicate, timeoutMs = DEFAULT_WAIT_MS) => firstMatching(state.log, 'request', predicate, timeoutMs, closing.signal),
    waitForArrival: (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
      firstMatching(state.arrivals, 'arrival', predicate, timeoutMs, closing.signal),
    close,
  };
}

interface EmulatorCore {
  state: ApiState;
  // Properties, not methods: they are handed out unbound.
  configure: (partial: Partial<EmulatorConfig>) => void;
  /** Config back to defaults; faults, limit counters and recorded requests cleared; keys kept. */
  reset: () => void;
  /** Known once the server listens. */
  setOrigin: (origin: string) => void;
}

/** What the API handler works on: the config, keys, limits, faults and the request logs. */
function emulatorCore(now: () => number): EmulatorCore {
  let config = defaultConfig();
  let origin = '';
  // Re-seeded whenever randomFaults is configured, so each configuration replays the same faults.
  let randomFaults: RandomFaults | undefined;
  const state: ApiState = {
    config: () => config,
    origin: () => origin,
    now,
    keys: new KeyStore(),
    limiter: new RateLimiter(now),
    faults: new FaultQueue(),
    randomFault: (tool) => randomFaults?.next(tool),
    log: new WatchedList<RecordedRequest>((entry) => `${entry.method} ${entry.path} -> ${entry.status}`),
    arrivals: new WatchedList<ArrivedRequest>((entry) => `${entry.method} ${entry.path}`),
    redirectTargets: new Set<string>(),
  };
  return {
    state,
    configure: (partial) => {
      const given = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
      config = { ...config, ...given };
      if (partial.randomFaults !== undefined) randomFaults = partial.randomFaults ? new RandomFaults(partial.randomFaults) : undefined;
    },
    reset: () => {
      config = defaultConfig();
      randomFaults = undefined;
      state.faults.clear();
      state.limiter.clear();
      state.log.clear();
      state.arrivals.clear();
      state.redirectTargets.clear();
    },
    setOrigin: (value) => (origin = value),
  };
}

/** What the control API (/__emulator/) may do; its waits end when the emulator closes. */
function controlTarget(core: EmulatorCore, closing: AbortSignal): ControlTarget {
  const { state } = core;
  return {
    requests: () => state.log.all,
    reset: core.reset,
    configure: core.configure,
    addKey: (key) => state.keys.add(key),
    revokeKey: (key) => state.keys.revoke(key),
    injectFault: (fault) => state.faults.push(fault),
    waitForCount: (tool, count, timeoutMs, signal) =>
      waitForCount(state.log, 'request(s)', tool, count, timeoutMs, AbortSignal.any([signal, closing])),
    waitForArrivalCount: (tool, count, timeoutMs, signal) =>
      waitForCount(state.arrivals, 'arrival(s)', tool, count, timeoutMs, AbortSignal.any([signal, closing])),
  };
}

/** The first entry of `list` matching `predicate`, there already or still to come; `what` names it in the timeout message. */
function firstMatching<T>(
  list: WatchedList<T>,
  what: string,
  predicate: (entry: T) => boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T> {
  return list.waitUntil(
    (entries) => entries.find(predicate),
    timeoutMs,
    () => `a matching ${what}`,
    signal,
  );
}

/** At least `count` entries of `list` (to `tool`, if given); `what` names them in the timeout message. */
function waitForCount<T extends { tool?: string }>(
  list: WatchedList<T>,
  what: string,
  tool: string | undefined,
  count: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T[]> {
  return list.waitUntil(
    (entries) => {
      const matching = entries.filter((entry) => tool === undefined || entry.tool === tool);
      return matching.length >= count ? matching : undefined;
    },
    timeoutMs,
    () => `${count} ${what}${tool === undefined ? '' : ` to ${tool}`}`,
    signal,
  );
}

/** Routes a request to the control API or the emulated API; an error it throws becomes a 500 (or a cut connection). */
function requestHandler(state: ApiState, control: ControlTarget, closing: AbortSignal): RequestListener {
  return (req, res) => {
    // Aborts when the client disconnects before the answer is complete, or when the emulator closes.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const signal = AbortSignal.any([gone.signal, closing]);
    const url = requestUrl(req.url ?? '/');
    const handled = url.pathname.startsWith(CONTROL_PREFIX)
      ? handleControl(req, res, url, control, signal)
      : handleApi(req, res, url, signal, state);
    handled.catch((error: unknown) => {
      if (res.headersSent || res.destroyed) res.destroy();
      else sendReply(res, errorReply(500, `Emulator internal error: ${(error as Error).message}`));
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Origin-form targets ("/a//b") keep their exact path; a base URL would read "//b" as a host. */
function requestUrl(target: string): URL {
  return target.startsWith('/') ? new URL(`http://emulator${target}`) : new URL(target, 'http://emulator');
}
