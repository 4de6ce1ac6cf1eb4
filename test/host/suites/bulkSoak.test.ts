import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { collectGarbage, heapMiB } from '../heap';
import type { BulkSummary } from '../../../src/core/bulk/bulkSummary';
import { emulator, eventually, internals, openEditor, outputLogText, resetWorld } from '../helpers';

/*
 * Bulk soak: 2,000 unique public IPv4 addresses through "Ping All IPs in Document" (the bulk
 * scheduler, runner, summary, output log and history), in runs of 500, against the loopback
 * emulator drawing seeded random faults per request (10% 5xx, 5% 429 with Retry-After 1 s,
 * 2% slow, 1% malformed). Bounded in count and in time; loopback only.
 */

const CALLS = Number(process.env.NIAMONX_BULK_SOAK_CALLS ?? 2000);
const PER_RUN = Math.min(500, CALLS);
const RUNS = Math.ceil(CALLS / PER_RUN);
const DEADLINE_MS = 6 * 60_000;
const SEED = 2026;
const BULK_RECORD_LINE = /gl_ping \d+ targets · \S+ → OK/g;

/** Unique, public (23.0.0.0/8 is neither private nor reserved), one a line. */
const inputsOf = (run: number): string[] =>
  Array.from({ length: PER_RUN }, (_, i) => `23.${run + 1}.${Math.floor(i / 250)}.${(i % 250) + 1}`).slice(0, CALLS - run * PER_RUN);

describe('soak: 2,000 inputs with random faults through the bulk commands', function () {
  this.timeout(DEADLINE_MS + 60_000);
  const config = () => vscode.workspace.getConfiguration('niamonx');
  const settings: [string, unknown][] = [
    ['cooldownFallbackSeconds', 1],
    ['bulk.confirmAbove', 100_000],
    ['bulk.concurrency', 8],
    ['resultView', 'output'],
  ];

  before(async () => {
    await resetWorld();
    await vscode.commands.executeCommand('niamonx.clearCache');
    for (const [key, value] of settings) await config().update(key, value, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    for (const [key] of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await emulator().reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ends every input in exactly one summary row, consistent with the calls made, with no unhandled rejection and a flat heap', async () => {
    const { history, historyTree, pacing } = await internals();
    assert.ok(pacing, 'the pacing book is exposed to tests');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // Each random 429 would teach the pacing a ~1 s cooldown (and each later one 10% more), as a
    // real cooldown rightly does; these are not one, so the book is kept empty to bound the run.
    const forgetPacing = setInterval(() => pacing.clear(), 20);
    const gc = collectGarbage();
    const bulkEntries = async () =>
      ((await historyTree.getChildren?.()) as { id: string; bulk?: unknown }[]).filter((record) => record.bulk).map((record) => record.id);
    const entriesBefore = new Set(await bulkEntries());
    const loggedBefore = outputLogText().match(BULK_RECORD_LINE)?.length ?? 0;
    const statuses = new Map<string, number>();
    const failures = new Map<string, number>();
    let calls = 0;
    let faulted = 0;
    let startHeap = 0;
    const started = Date.now();
    try {
      for (let run = 0; run < RUNS; run++) {
        if (Date.now() - started > DEADLINE_MS) throw new Error(`soak deadline passed after ${run} of ${RUNS} runs`);
        const inputs = inputsOf(run);
        await emulator().reset();
        await emulator().configure({
          randomFaults: {
            seed: SEED + run,
            tool: 'gl_ping',
            serverError: 0.1,
            rateLimit: 0.05,
            slow: 0.02,
            malformed: 0.01,
            retryAfterSeconds: 1,
          },
        });
        await openEditor(inputs.join('\n'));
        const summary = await vscode.commands.executeCommand<BulkSummary>('niamonx.pingAllInDocument', { tool: 'gl_ping' });
        assert.ok(summary, `run ${run + 1} returned its summary`);

        // Every input in exactly one row, with an outcome; no stop, so nothing is left not run.
        assert.equal(summary.stopped, undefined, `run ${run + 1} stopped: ${summary.stopMessage}`);
        assert.deepEqual(
          summary.rows.map((row) => row.sent),
          inputs,
          `run ${run + 1}: one row per input, in order`,
        );
        for (const row of summary.rows) {
          statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
          if (row.status === 'failed') {
            assert.ok(row.outcome !== '', `${row.sent} failed without saying why`);
            const kind = /^HTTP 5\d\d|server/i.test(row.outcome) ? 'server' : 'other';
            failures.set(kind, (failures.get(kind) ?? 0) + 1);
          } else assert.equal(row.status, 'ok', `${row.sent}: ${row.status} ${row.outcome}`);
        }

        // The emulator saw exactly the calls the rows account for, input by input.
        const requests = (await emulator().requests()).filter((request) => request.tool === 'gl_ping');
        const perInput = new Map<string, number>();
        for (const request of requests) {
          const ip = (request.body as { ip: string }).ip;
          perInput.set(ip, (perInput.get(ip) ?? 0) + 1);
        }
        const mismatched = summary.rows.filter((row) => perInput.get(row.sent) !== row.attempts);
        assert.deepEqual(
          mismatched.slice(0, 5).map((row) => `${row.sent}: ${row.attempts} attempts, ${perInput.get(row.sent) ?? 0} calls`),
          [],
          `run ${run + 1}: ${mismatched.length} row(s) disagree with the emulator's log`,
        );
        assert.equal(perInput.size, inputs.length, 'no call for anything but the inputs');
        calls += requests.length;
        faulted += requests.filter((request) => request.fault !== undefined).length;
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        if (run === 0) startHeap = heapMiB(gc); // after a whole run: code paths compiled, caches primed
      }
    } finally {
      clearInterval(forgetPacing);
      process.off('unhandledRejection', onUnhandled);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `bulk soak: ${CALLS} inputs in ${RUNS} runs, ${calls} calls (${faulted} faulted) in ${seconds.toFixed(1)} s; rows ${JSON.stringify(
        Object.fromEntries(statuses),
      )}; failed ${JSON.stringify(Object.fromEntries(failures))}`,
    );
    assert.deepEqual(unhandled, [], 'no unhandled promise rejection');
    assert.equal((statuses.get('ok') ?? 0) + (statuses.get('failed') ?? 0), CALLS, 'every input ended ok or failed');
    assert.ok((statuses.get('ok') ?? 0) > CALLS * 0.9, 'retries carry most faulted inputs through');
    assert.ok(calls > CALLS, 'faults cost retries');
    assert.ok((statuses.get('failed') ?? 0) > 0, 'some failures were kept (a 5xx twice, a malformed answer)');

    // One history entry and one output-log record per run.
    const newEntries = (await bulkEntries()).filter((id) => !entriesBefore.has(id));
    assert.equal(newEntries.length, RUNS, 'one history entry per bulk run');
    await eventually(
      'one bulk record per run in the output log',
      () => (outputLogText().match(BULK_RECORD_LINE)?.length ?? 0) - loggedBefore === RUNS,
      30_000,
    );
    // Measured once the work the runs queued has settled (log written, history flushed).
    await history.flush();
    const endHeap = heapMiB(gc);
    console.log(
      `bulk soak: heap after forced GC ${startHeap.toFixed(1)} MiB after run 1, ${endHeap.toFixed(1)} MiB at the end (${(endHeap - startHeap).toFixed(1)} MiB)`,
    );
    // Flat: rows go to one bounded history entry per run; 1,500 more inputs may not keep memory.
    assert.ok(endHeap - startHeap < 24, `heap grew by ${(endHeap - startHeap).toFixed(1)} MiB`);
  });
});
