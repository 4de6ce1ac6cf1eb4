import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { collectGarbage, heapMiB } from '../heap';
import type { Fault } from '../../../emulator/faults';
import type { ToolRun } from '../../../src/core/errors';
import { api, emulator, eventually, internals, outputLogText, resetWorld } from '../helpers';

/*
 * Soak: 2,000 runs through the public runTool API against the loopback emulator with random
 * faults (10% 5xx, 5% 429, 2% slow, 1% malformed). Bounded in count and in time; loopback only.
 * (The bulk path will run the same load once it lands; this exercises runner, log and history.)
 */

/** One-time work (a full cache, the first history compaction at twice its 200 entries) is over by then. */
const WARM_UP_RUNS = 500;
const CALLS = Number(process.env.NIAMONX_SOAK_CALLS ?? 2000);
const CONCURRENCY = 8;
const DEADLINE_MS = 4 * 60_000;

/** Deterministic, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function faultFor(roll: number, pick: number): Fault | undefined {
  if (roll < 0.1) return { type: 'status', status: [500, 502, 503][Math.floor(pick * 3)], tool: 'gl_ping' };
  if (roll < 0.15)
    return {
      type: 'status',
      status: 429,
      body: { success: false, error: 'Too many requests' },
      headers: { 'Retry-After': '1' },
      tool: 'gl_ping',
    };
  if (roll < 0.17) return { type: 'slow', headersAfterMs: 250, tool: 'gl_ping' };
  if (roll < 0.18) return pick < 0.5 ? { type: 'truncated-json', tool: 'gl_ping' } : { type: 'html', status: 200, tool: 'gl_ping' };
  return undefined;
}

describe('soak: 2,000 runs with random faults through runTool', function () {
  this.timeout(DEADLINE_MS + 60_000);
  const config = () => vscode.workspace.getConfiguration('niamonx');

  before(async () => {
    await resetWorld();
    await config().update('cooldownFallbackSeconds', 1, vscode.ConfigurationTarget.Global);
    // The answer cache may hold 5,000 answers by default, more than this soak makes: bound it
    // low, so that a flat heap means no leak rather than a cache still filling up.
    await config().update('cache.maxEntries', 100, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('cooldownFallbackSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('cache.maxEntries', undefined, vscode.ConfigurationTarget.Global);
    await emulator().reset();
  });

  it('ends every input in exactly one recorded outcome, with no unhandled rejection and a flat heap', async () => {
    const niamonx = await api();
    const random = mulberry32(8);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const gc = collectGarbage();
    const inputs = Array.from({ length: CALLS }, (_, i) => `198.18.${Math.floor(i / 250)}.${i % 250}`);
    const outcomes = new Map<string, ToolRun[]>();
    const started = Date.now();
    let startHeap = 0;
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < inputs.length) {
          if (Date.now() - started > DEADLINE_MS) throw new Error(`soak deadline passed after ${next} of ${CALLS} runs`);
          const index = next++;
          // After warm-up: code paths compiled, the answer cache full, the history file compacted once.
          if (index === WARM_UP_RUNS) startHeap = heapMiB(gc);
          // Like a well-behaved bulk run: wait out a cooldown the server announced (a condition, polled).
          await eventually(
            'the gl_ping cooldown to end',
            () => niamonx.listTools().find((tool) => tool.name === 'gl_ping')?.state.kind !== 'cooling-down',
            30_000,
          );
          const fault = faultFor(random(), random());
          if (fault) await emulator().fault(fault);
          const input = inputs[index];
          const outcome = await niamonx.runTool('gl_ping', input);
          outcomes.set(input, [...(outcomes.get(input) ?? []), outcome]);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const seconds = (Date.now() - started) / 1000;

    const counts = new Map<string, number>();
    for (const runs of outcomes.values())
      for (const run of runs) counts.set(run.ok ? 'ok' : run.error.kind, (counts.get(run.ok ? 'ok' : run.error.kind) ?? 0) + 1);
    console.log(`soak: ${CALLS} runs in ${seconds.toFixed(1)} s; outcomes ${JSON.stringify(Object.fromEntries(counts))}`);

    assert.equal(outcomes.size, CALLS, 'every input has an outcome');
    for (const [input, runs] of outcomes) assert.equal(runs.length, 1, `${input} has ${runs.length} outcomes`);
    assert.deepEqual(unhandled, [], 'no unhandled promise rejection');
    assert.ok((counts.get('ok') ?? 0) > CALLS / 2, 'most runs succeed');
    for (const kind of ['server', 'rate-limit', 'bad-response']) assert.ok((counts.get(kind) ?? 0) > 0, `some ${kind} outcomes were seen`);

    // One log line per input: the recorded outcome, exactly once.
    const log = await eventually(
      'every run in the output log',
      () => {
        const text = outputLogText();
        return text.includes(`gl_ping ${inputs.at(-1)} `) && inputs.every((input) => text.includes(`gl_ping ${input} →`)) && text;
      },
      30_000,
    );
    // Measured once the work the runs queued has settled (log lines written, history flushed).
    await (await internals()).history.flush();
    const endHeap = heapMiB(gc);
    console.log(
      `soak: heap after forced GC ${startHeap.toFixed(1)} MiB at run ${WARM_UP_RUNS}, ${endHeap.toFixed(1)} MiB at the end (${(endHeap - startHeap).toFixed(1)} MiB)`,
    );
    const perInput = new Map<string, number>();
    for (const match of log.matchAll(/gl_ping (198\.18\.\d+\.\d+) →/g)) perInput.set(match[1], (perInput.get(match[1]) ?? 0) + 1);
    const twice = inputs.filter((input) => perInput.get(input) !== 1);
    assert.deepEqual(twice.slice(0, 5), [], `${twice.length} input(s) were not logged exactly once`);

    // Flat: history and caches are bounded, so 1,900 more runs may not keep memory.
    assert.ok(endHeap - startHeap < 24, `heap grew by ${(endHeap - startHeap).toFixed(1)} MiB`);
  });
});
