import * as assert from 'node:assert/strict';
import { belongsInHistory, bulkRecord, requestBodyOf, runRecord } from '../../../src/core/record/buildRecord';
import { RecordIds } from '../../../src/core/record/recordIds';
import type { ToolRun } from '../../../src/core/errors';

const okRun = (data: unknown): ToolRun => ({ ok: true, tool: 'gl_ulp', data, status: 200, durationMs: 12 });
const failedRun = (kind: string, status?: number): ToolRun =>
  ({ ok: false, tool: 'gl_ping', error: { kind, message: 'no' }, status }) as ToolRun;
const parts = { id: 'r1', toolLabel: 'ULP', input: 'example.com', startedAt: 1_000, redactAnswer: true };

describe('the records every run is delivered as', () => {
  it('masks secrets in the answer and hands the original over for Reveal only then', () => {
    const masked = runRecord({ ...parts, run: okRun({ user: 'a', password: 'hunter2' }) });
    assert.equal(masked.record.redactedCount, 1);
    assert.ok(!JSON.stringify(masked.record).includes('hunter2'));
    assert.deepEqual(masked.original, { user: 'a', password: 'hunter2' });

    const plain = runRecord({ ...parts, run: okRun({ user: 'a' }) });
    assert.equal(plain.original, undefined);
    assert.equal(plain.record.redactedCount, undefined);

    const unmasked = runRecord({ ...parts, redactAnswer: false, run: okRun({ password: 'hunter2' }) });
    assert.deepEqual(unmasked.record.data, { password: 'hunter2' });
    assert.equal(unmasked.original, undefined);
  });

  it('masks secrets of a ready-made body whatever the answer setting, and marks it', () => {
    const { record } = runRecord({ ...parts, redactAnswer: false, run: okRun({}), requestBody: { email: 'x@y.z', password: 'p4ss' } });
    assert.equal(record.requestBodyRedacted, true);
    assert.ok(!JSON.stringify(record).includes('p4ss'));
  });

  it('keeps the error of a failed run, the status and who asked', () => {
    const { record } = runRecord({ ...parts, run: failedRun('auth', 401), origin: 'agent' });
    assert.equal(record.ok, false);
    assert.equal(record.error?.kind, 'auth');
    assert.equal(record.status, 401);
    assert.equal(record.origin, 'agent');
    assert.equal(runRecord({ ...parts, run: failedRun('auth', 401), origin: 'user' }).record.origin, undefined);
  });

  it('keeps in the history what reached the API, not what was cancelled or refused locally', () => {
    const of = (run: ToolRun) => belongsInHistory(runRecord({ ...parts, run }).record);
    assert.equal(of(okRun({})), true);
    assert.equal(of(failedRun('auth', 401)), true);
    assert.equal(of(failedRun('validation', 400)), true);
    assert.equal(of(failedRun('validation')), false);
    assert.equal(of(failedRun('cancelled')), false);
    assert.equal(of(failedRun('never-send')), false);
  });

  it('builds a bulk summary masked, with what Run Again re-runs', () => {
    const record = bulkRecord({
      id: 'b1',
      tool: 'gl_ulp',
      toolLabel: 'ULP',
      input: '2 targets · log',
      startedAt: 1,
      durationMs: 2,
      data: { results: [{ password: 'hunter2' }] },
      pending: ['8.8.8.8'],
      redactAnswer: true,
    });
    assert.ok(!JSON.stringify(record).includes('hunter2'));
    assert.deepEqual(record.bulk, { pending: ['8.8.8.8'] });
  });

  it('takes only a plain object as a ready-made body', () => {
    assert.deepEqual(requestBodyOf({ a: 1 }), { a: 1 });
    assert.equal(requestBodyOf('1.1.1.1'), undefined);
    assert.equal(requestBodyOf(['a']), undefined);
    assert.equal(requestBodyOf(null), undefined);
  });

  it('gives ids that never repeat within a session, even for the same start time', () => {
    const ids = new RecordIds();
    const made = new Set([ids.next(5), ids.next(5), ids.next(5, 'bulk-'), ids.next(6)]);
    assert.equal(made.size, 4);
  });
});
