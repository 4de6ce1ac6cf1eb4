import { callTool } from '../api/apiClient';
import { formatDuration } from '../api/responseParser';
import type { ToolCatalog } from '../catalog/catalog';
import { isValidToolName } from '../catalog/toolDefinition';
import { secondsUntil, type ToolStateTracker } from '../catalog/toolState';
import { realClock, type Clock } from '../clock';
import { ToolCallError, type ToolRun } from '../errors';
import { IMPLICIT_ONLY, refusalText, type NeverSendPolicy } from '../neverSend/neverSendCheck';
import { neverSendMatchOfBody } from '../neverSend/requestGate';
import { nodeCrypto } from '../nodeCrypto';
import { resolveInput } from './inputResolver';
import { PersistentCache, type CacheFile } from './persistentCache';
import { ResultCache } from './resultCache';
import { remainingOf, type UsageMeter } from './usageMeter';
import { SharedRequests } from './sharedRequests';
import { t } from '../localText';

export interface RunnerSettings {
  baseUrl: string | undefined;
  timeoutMs: number;
  cacheTtlSeconds: number;
  /** Answers the cache keeps at most (oldest out first); 500 when not given. */
  cacheMaxEntries?: number;
}

export interface RunnerDeps {
  catalog: () => ToolCatalog;
  settings: () => RunnerSettings;
  apiKey: () => Promise<string | undefined>;
  states: ToolStateTracker;
  clock?: Clock;
  fetchImpl?: typeof fetch;
  /** Where the answer cache is kept across restarts; loaded on the first run, saved in the background. */
  cacheFile?: CacheFile;
  onCacheError?: (message: string) => void;
  /** Counts every call that reached (or may have reached) the API. */
  usage?: UsageMeter;
  /**
   * The never-send list the gate checks every request against. Without it the gate still
   * refuses what is not public (private, loopback, … addresses; localhost, *.internal, … names).
   */
  neverSend?: () => NeverSendPolicy;
}

export interface RunRequest {
  tool: string;
  input: string | object;
  signal?: AbortSignal;
  /** Skip the cache (the user asked to run again). */
  fresh?: boolean;
  /**
   * Try Now: send this one call even though a cooldown or daily limit is known locally (the
   * plan may have been upgraded). Success lifts the lock; another 429 keeps it. Skips the cache.
   */
  ignoreLocalLock?: boolean;
  /**
   * The user confirmed sending this one value although it is on the never-send list (the
   * Send Despite Never-Send List command only; the public API and agents never set it).
   */
  sendDespiteNeverSend?: boolean;
}

export interface RunOutcome {
  run: ToolRun;
  /** What the tool ran on, for display. */
  input: string;
  startedAt: number;
}

/**
 * Runs tools the way quota-conscious users expect: validates input locally, answers
 * repeats from a short cache, shares identical calls in flight, and respects a cooldown
 * the server announced instead of spending a call that would only get another 429.
 */
export class ToolRunner {
  private readonly cache: ResultCache<{ status: number; data: unknown }>;
  private readonly shared = new SharedRequests<ToolRun>();
  private readonly clock: Clock;
  private readonly persistent: PersistentCache | undefined;

  constructor(private readonly deps: RunnerDeps) {
    this.clock = deps.clock ?? realClock;
    this.cache = new ResultCache(
      () => deps.settings().cacheTtlSeconds * 1000,
      this.clock,
      () => deps.settings().cacheMaxEntries ?? 500,
    );
    this.persistent = deps.cacheFile ? new PersistentCache(this.cache, deps.cacheFile, deps.onCacheError) : undefined;
  }

  /** Forget cached answers (in memory and on disk), e.g. for Clear Cache. */
  clearCache(): void {
    if (this.persistent) this.persistent.clear();
    else this.cache.clear();
  }

  /** Writes the persisted cache now (tests; shutdown). */
  flushCache(): Promise<void> {
    return this.persistent?.flush() ?? Promise.resolve();
  }

  dispose(): void {
    this.persistent?.dispose();
  }

  /** Whether `run` would answer this from the cache (no call, no quota). Never throws. */
  async isCached(request: { tool: string; input: string | object }): Promise<boolean> {
    try {
      await this.persistent?.load();
      const tool = request.tool.trim();
      const resolved = resolveInput(tool, this.deps.catalog().find(tool), request.input);
      const settings = this.deps.settings();
      return this.cache.get(this.cacheKey(tool, resolved.body, settings.baseUrl, await this.deps.apiKey())) !== undefined;
    } catch {
      return false;
    }
  }

  /** The inputs `run` would answer from the cache, checked in one go (the key is read once). */
  async cachedInputs(tool: string, inputs: readonly string[]): Promise<Set<string>> {
    await this.persistent?.load();
    const definition = this.deps.catalog().find(tool);
    const settings = this.deps.settings();
    const apiKey = await this.deps.apiKey();
    const cached = new Set<string>();
    for (const input of inputs) {
      try {
        const resolved = resolveInput(tool, definition, input);
        if (this.cache.get(this.cacheKey(tool, resolved.body, settings.baseUrl, apiKey)) !== undefined) cached.add(input);
      } catch {
        // Invalid input is never cached.
      }
    }
    return cached;
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    const startedAt = this.clock.now();
    return this.runUnannounced(request, startedAt);
  }

  private async runUnannounced(request: RunRequest, startedAt: number): Promise<RunOutcome> {
    const tool = String(request.tool ?? '').trim();
    // What a refused run shows: a pasted 20 MB log must not travel on into titles, logs and records.
    let input = typeof request.input === 'string' ? shownInput(request.input.trim()) : '';
    try {
      if (!isValidToolName(tool)) {
        throw new ToolCallError('validation', t('“{0}” is not a valid tool name (letters, digits, _ . - only).', tool.slice(0, 64)));
      }
      const definition = this.deps.catalog().find(tool);
      const resolved = resolveInput(tool, definition, request.input);
      input = resolved.display;
      // The one never-send gate: every entry point (palette, menus, hover, explorer, bulk,
      // agents, MCP, the public API) runs through here before any cache lookup or request.
      if (!request.sendDespiteNeverSend) this.refuseNeverSend(resolved.body);
      const settings = this.deps.settings();
      const apiKey = await this.deps.apiKey();
      const cacheKey = this.cacheKey(tool, resolved.body, settings.baseUrl, apiKey);
      await this.persistent?.load();

      const cached = request.fresh || request.ignoreLocalLock ? undefined : this.cache.get(cacheKey);
      if (cached) {
        return { run: { ok: true, tool, status: cached.status, data: cached.data, durationMs: 0, cached: true }, input, startedAt };
      }
      if (!request.ignoreLocalLock) this.refuseWhileCoolingDown(tool);
      const run = await this.shared.run(
        cacheKey,
        request.signal,
        (signal) => this.call(tool, resolved.body, settings, apiKey, signal, cacheKey),
        () => failure(tool, new ToolCallError('cancelled', t('Cancelled.'))),
      );
      return { run, input, startedAt };
    } catch (error) {
      return { run: failure(tool, asToolCallError(error)), input, startedAt };
    }
  }

  private async call(
    tool: string,
    body: Record<string, unknown>,
    settings: RunnerSettings,
    apiKey: string | undefined,
    signal: AbortSignal,
    cacheKey: string,
  ): Promise<ToolRun> {
    const started = performance.now();
    try {
      const answer = await callTool({
        baseUrl: settings.baseUrl,
        apiKey,
        tool,
        body,
        timeoutMs: settings.timeoutMs,
        signal,
        fetchImpl: this.deps.fetchImpl,
      });
      this.deps.states.record(tool, { ok: true });
      this.deps.usage?.record({ tool, remaining: remainingOf(answer.data) });
      this.cache.set(cacheKey, { status: answer.status, data: answer.data }, answer.bytes);
      return { ok: true, tool, status: answer.status, data: answer.data, durationMs: answer.durationMs };
    } catch (error) {
      const failed = asToolCallError(error);
      if (wasSent(failed)) this.deps.usage?.record({ tool, dailyLimit: failed.daily === true });
      if (failed.status !== undefined) {
        this.deps.states.record(tool, {
          ok: false,
          kind: failed.kind,
          message: failed.message,
          text: failed.toToolError().text,
          retryAfterSeconds: failed.retryAfterSeconds,
          daily: failed.daily,
        });
      }
      return failure(tool, failed, Math.round(performance.now() - started));
    }
  }

  private refuseNeverSend(body: Record<string, unknown>): void {
    const match = neverSendMatchOfBody(body, this.deps.neverSend?.() ?? IMPLICIT_ONLY);
    if (match) throw new ToolCallError('never-send', refusalText(match));
  }

  private refuseWhileCoolingDown(tool: string): void {
    const blocking = this.deps.states.blockingState(tool);
    if (blocking?.kind !== 'cooling-down') return;
    const seconds = secondsUntil(blocking.until, this.clock.now(), 1);
    const wait = formatDuration(seconds);
    throw new ToolCallError(
      'rate-limit',
      blocking.daily
        ? t('The daily request limit of this API key is used up. Retry in {0} (no request was sent, to save quota).', wait)
        : t('{0} is cooling down. Retry in {1} (no request was sent, to save quota).', tool, wait),
      undefined,
      seconds,
      blocking.daily,
    );
  }

  /**
   * A SHA-256 digest, never the body itself: the key is written to the cache file, and a body
   * can hold a password or a token. Equal requests (same API, key, tool and body in any key
   * order) get the same digest.
   */
  private cacheKey(tool: string, body: object, baseUrl: string | undefined, apiKey: string | undefined): string {
    const hash = (text: string) => nodeCrypto().createHash('sha256').update(text).digest('hex');
    return hash(JSON.stringify([baseUrl ?? '', hash(apiKey ?? '').slice(0, 16), tool, stableJson(body)]));
  }
}

/** Whether a failed call reached the API (an answer, or a send whose fate is unknown), as opposed to refused before sending. */
function wasSent(error: ToolCallError): boolean {
  return error.status !== undefined || error.kind === 'network' || error.kind === 'timeout' || error.kind === 'bad-response';
}

function failure(tool: string, error: ToolCallError, durationMs?: number): ToolRun {
  const run: ToolRun = { ok: false, tool, error: error.toToolError() };
  if (error.status !== undefined) run.status = error.status;
  if (durationMs !== undefined) run.durationMs = durationMs;
  return run;
}

function asToolCallError(error: unknown): ToolCallError {
  if (error instanceof ToolCallError) return error;
  return new ToolCallError('bad-response', `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
}

/** JSON with sorted object keys (by code unit, the same on every machine), so equal bodies share a cache entry. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** More than any valid input (4,096 characters), so every input that can run is shown whole. */
const MAX_SHOWN_INPUT = 4200;

/** An input as a record, a log line or a message shows it: a long one cut, with its length. */
export function shownInput(text: string): string {
  return text.length > MAX_SHOWN_INPUT ? `${text.slice(0, 80)}… (${text.length.toLocaleString('en')} characters)` : text;
}
