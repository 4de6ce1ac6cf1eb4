import { startEmulator } from '../emulator/server';
import { buildCatalog } from '../src/core/catalog/catalog';
import { ToolStateTracker } from '../src/core/catalog/toolState';
import { ToolRunner } from '../src/core/run/toolRunner';
import { round, type BenchRow } from './measure';
import { performance } from 'node:perf_hooks';

const CALLS = 200;
const KEY = 'nx-bench-key-000000000000';

async function timeRuns(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return performance.now() - start;
}

/**
 * What the runner adds to a call, and what its cache and shared calls save, against raw
 * fetch calls to the local emulator measured in the same run. API calls counted by the emulator.
 */
export async function benchRunner(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ keys: [KEY] });
  try {
    const runner = new ToolRunner({
      catalog: () => buildCatalog([]),
      settings: () => ({ baseUrl: emulator.url, timeoutMs: 20_000, cacheTtlSeconds: 60 }),
      apiKey: async () => KEY,
      states: new ToolStateTracker(),
    });
    const raw = (i: number) =>
      fetch(`${emulator.url}/gl_ping`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-API-Key': KEY },
        body: JSON.stringify({ ip: `10.0.${i >> 8}.${i & 255}` }),
      }).then((r) => r.json());
    await timeRuns(20, raw); // warm-up: sockets, JIT

    const baselineMs = await timeRuns(CALLS, raw);
    emulator.reset();
    const distinctMs = await timeRuns(CALLS, (i) => runner.run({ tool: 'gl_ping', input: `10.1.${i >> 8}.${i & 255}` }));
    const distinctCalls = emulator.requests.length;
    emulator.reset();
    const repeatMs = await timeRuns(CALLS, () => runner.run({ tool: 'gl_ping', input: '10.2.0.1' }));
    const repeatCalls = emulator.requests.length;
    emulator.reset();
    emulator.configure({ latencyMs: 50 });
    const start = performance.now();
    await Promise.all(Array.from({ length: CALLS }, () => runner.run({ tool: 'gl_ping', input: '10.3.0.1', fresh: true })));
    const burstMs = performance.now() - start;
    const burstCalls = emulator.requests.length;

    const rowOf = (name: string, ms: number, note: string): BenchRow => ({
      name,
      ms: round(ms),
      baselineMs: round(baselineMs),
      ratio: round(ms / baselineMs),
      note,
    });
    return [
      rowOf(`runner: ${CALLS} distinct pings`, distinctMs, `${distinctCalls} API calls; baseline: ${CALLS} raw fetch calls`),
      rowOf(`runner: the same ping ${CALLS} times`, repeatMs, `${repeatCalls} API call(s): the rest from the cache`),
      rowOf(`runner: ${CALLS} identical pings at once (50 ms latency)`, burstMs, `${burstCalls} API call(s): shared while in flight`),
    ];
  } finally {
    await emulator.close();
  }
}
