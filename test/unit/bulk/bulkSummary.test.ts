import * as assert from 'node:assert/strict';
import { planBulk } from '../../../src/core/bulk/bulkPlan';
import { extractTargets } from '../../../src/core/bulk/extract';
import type { BulkPlan } from '../../../src/core/bulk/bulkPlan';
import type { BulkRunResult } from '../../../src/core/bulk/bulkScheduler';
import { bulkRecordData, pendingInputs, summariseBulk } from '../../../src/core/bulk/bulkSummary';

const plan: BulkPlan = {
  targets: ['8.8.8.8', '1.1.1.1', '9.9.9.9', '4.4.4.4'].map((value) => ({
    value,
    raws: [value, `${value}:53`],
    occurrences: 2,
    defanged: false,
  })),
  skipped: [{ raw: '10.0.0.1', value: '10.0.0.1', reason: 'non-public address (private)', ipClass: 'private', occurrences: 1 }],
  found: 9,
  duplicates: 4,
};
const ping = { alive: true, rtt: { min: 1, avg: 2, max: 3 }, packet_loss: 0 };
const result: BulkRunResult = {
  rows: [
    { sent: '8.8.8.8', status: 'ok', attempts: 1, run: { ok: true, tool: 'gl_ping', status: 200, data: ping, durationMs: 5 } },
    {
      sent: '1.1.1.1',
      status: 'cached',
      attempts: 0,
      run: { ok: true, tool: 'gl_ping', status: 200, data: ping, durationMs: 0, cached: true },
    },
    {
      sent: '9.9.9.9',
      status: 'failed',
      attempts: 2,
      run: { ok: false, tool: 'gl_ping', status: 503, error: { kind: 'server', message: 'NiamonX had a server error (HTTP 503).' } },
    },
    { sent: '4.4.4.4', status: 'not-run', attempts: 0, notRun: 'daily limit' },
  ],
  rateLimited: 1,
  stopped: 'daily-limit',
};

describe('bulk summary', () => {
  it('counts every target once and keeps the skipped ones with their reasons', () => {
    const summary = summariseBulk('gl_ping', 'access.log', plan, result);
    assert.deepEqual(summary.counts, {
      found: 9,
      unique: 4,
      duplicates: 4,
      skipped: 1,
      answered: 1,
      cached: 1,
      failed: 1,
      notRun: 1,
      rateLimited: 1,
    });
    assert.deepEqual(
      summary.rows.map((row) => row.raw),
      ['8.8.8.8, 8.8.8.8:53', '1.1.1.1, 1.1.1.1:53', '9.9.9.9, 9.9.9.9:53', '4.4.4.4, 4.4.4.4:53'],
    );
    assert.match(summary.rows[0].outcome, /Alive: yes/);
    assert.match(summary.rows[2].outcome, /HTTP 503/);
    assert.equal(summary.rows[3].outcome, 'not run (daily limit)');
    assert.deepEqual(summary.skipped, [{ raw: '10.0.0.1', value: '10.0.0.1', reason: 'non-public address (private)', occurrences: 1 }]);
    assert.equal(summary.stopped, 'daily-limit');
  });

  it('puts the key fields of each answer, the error or the reason on the row', () => {
    const data = bulkRecordData(summariseBulk('gl_ping', 'access.log', plan, result), result);
    assert.equal(data.results[0].Alive, 'yes');
    assert.equal(data.results[1].status, 'cached');
    assert.equal(data.results[2].status, 'failed (HTTP 503)');
    assert.match(data.results[2].error, /server error/);
    assert.equal(data.results[3].status, 'not run (daily limit)');
    assert.equal(data.stats['not run'], 1);
    assert.equal(data.skipped[0].reason, 'non-public address (private)');
  });

  it('Run Again takes only the failed and not-run inputs', () => {
    assert.deepEqual(pendingInputs(result), ['9.9.9.9', '4.4.4.4']);
  });
});

describe('bulk summary for a half-width panel', () => {
  it('puts what was found and its status first, and what was sent only where it differs', () => {
    const plan = planBulk(extractTargets('seen 8[.]8[.]8[.]8 and 1.1.1.1'), { skipNonPublic: true });
    const ok = (ip: string) => ({
      sent: ip,
      status: 'ok' as const,
      attempts: 1,
      run: { ok: true as const, tool: 'gl_ping', status: 200, data: { alive: true }, durationMs: 5 },
    });
    const result = { rows: plan.targets.map((target) => ok(target.value)), rateLimited: 0 };
    const data = bulkRecordData(summariseBulk('gl_ping', 'log', plan, result), result);
    const defanged = data.results.find((row) => row.found === '8[.]8[.]8[.]8')!;
    const plain = data.results.find((row) => row.found === '1.1.1.1')!;
    assert.deepEqual(Object.keys(defanged).slice(0, 2), ['found', 'status']);
    assert.equal(defanged.sent, '8.8.8.8');
    assert.equal('sent' in plain, false, 'sent equals found: not repeated');
  });
});
