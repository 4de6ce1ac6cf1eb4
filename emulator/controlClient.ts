import type { EmulatorConfig } from './config';
import type { Fault } from './faults';
import type { ArrivedRequest, RecordedRequest } from './recordedRequest';

/**
 * Drives an emulator running in another process (e.g. from extension-host tests) through its
 * control API. Uses global fetch only, so it runs in any Node 18+ context, VS Code included.
 */
export class EmulatorControl {
  constructor(private readonly origin: string) {}

  requests(): Promise<RecordedRequest[]> {
    return this.call('GET', 'requests');
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  async configure(partial: Partial<EmulatorConfig>): Promise<void> {
    await this.call('POST', 'config', partial);
  }

  async keys(add: string[] = [], revoke: string[] = []): Promise<void> {
    await this.call('POST', 'keys', { add, revoke });
  }

  async fault(fault: Fault): Promise<void> {
    await this.call('POST', 'faults', fault);
  }

  /** Resolves with the requests (to `tool`, if given) once at least `count` were recorded. */
  waitFor(tool: string | undefined, count = 1, timeoutMs = 5_000): Promise<RecordedRequest[]> {
    const query = new URLSearchParams({ count: String(count), timeoutMs: String(timeoutMs) });
    if (tool !== undefined) query.set('tool', tool);
    return this.call('GET', `wait?${query.toString()}`);
  }

  /** Resolves once at least `count` requests (to `tool`, if given) have arrived, answered or not. */
  waitForArrival(tool: string | undefined, count = 1, timeoutMs = 5_000): Promise<ArrivedRequest[]> {
    const query = new URLSearchParams({ count: String(count), timeoutMs: String(timeoutMs) });
    if (tool !== undefined) query.set('tool', tool);
    return this.call('GET', `arrivals?${query.toString()}`);
  }

  private async call<T>(method: 'GET' | 'POST', endpoint: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/__emulator/${endpoint}`, {
      method,
      ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Emulator control ${method} ${endpoint} failed with HTTP ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
