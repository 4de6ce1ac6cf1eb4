import * as assert from 'node:assert/strict';
import { pingManyReport } from '../../../src/core/agent/pingManyResult';
import { checkAddress, planPings } from '../../../src/core/agent/pingPlan';
import type { ToolRun } from '../../../src/core/errors';

describe('planPings: one call per unique public address', () => {
  it('removes duplicates, skips non-public addresses with their class and reports invalid entries', () => {
    const plan = planPings([
      '8.8.8.8',
      ' 8.8.8.8 ',
      '1.1.1.1',
      '10.0.0.1',
      '127.0.0.1',
      '203.0.113.9',
      '2001:4860:4860::8888',
      'fe80::1',
      'nope',
      '10.0.0.0/8',
      '[2001:4860:4860::8888]',
    ]);
    assert.deepEqual(plan.toPing, ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888']);
    assert.deepEqual(plan.skipped, [
      { ip: '10.0.0.1', class: 'private' },
      { ip: '127.0.0.1', class: 'loopback' },
      { ip: '203.0.113.9', class: 'documentation' },
      { ip: 'fe80::1', class: 'link-local' },
    ]);
    assert.deepEqual(
      plan.invalid.map((entry) => entry.input),
      ['nope', '10.0.0.0/8'],
    );
    assert.equal(plan.duplicates, 2);
  });

  it('an address must be the whole entry', () => {
    assert.equal(checkAddress('ping 8.8.8.8 please').ok, false);
    assert.equal(checkAddress('"8.8.8.8",').ok, true);
    assert.equal(checkAddress('999.1.1.1').ok, false);
  });
});

describe('pingManyReport', () => {
  const plan = planPings(['8.8.8.8', '1.1.1.1', '10.0.0.1']);
  const ok = (ip: string): ToolRun => ({ ok: true, tool: 'gl_ping', status: 200, data: { ip, token: 'abc123' }, durationMs: 5 });

  it('counts answers, failures and skips, with a next step per failure, and masks secrets', () => {
    const report = pingManyReport(plan, [
      ok('8.8.8.8'),
      { ok: false, tool: 'gl_ping', status: 429, error: { kind: 'rate-limit', message: 'x', retryAfterSeconds: 30 } },
    ]);
    assert.ok(!('error' in report));
    if ('error' in report) return;
    assert.match(report.summary, /^gl_ping on 2 unique public addresses: 1 answered, 1 failed; 1 skipped as not public/);
    assert.deepEqual(report.data.results[1], {
      ip: '1.1.1.1',
      ok: false,
      error: 'rate-limit: gl_ping is cooling down for 30 s; do not call it again before then.',
    });
    assert.ok(!JSON.stringify(report.data).includes('abc123'));
  });

  it('throws a cooldown when every call met it, but reports it per address when some answered', () => {
    const cooling: ToolRun = { ok: false, tool: 'gl_ping', error: { kind: 'rate-limit', message: 'x', retryAfterSeconds: 12 } };
    const report = pingManyReport(plan, [cooling, cooling]);
    assert.deepEqual(report, { error: 'rate-limit: gl_ping is cooling down for 12 s; do not call it again before then.' });
  });

  it('returns one error to throw when every call failed for a reason that stops the batch', () => {
    const noKey: ToolRun = { ok: false, tool: 'gl_ping', error: { kind: 'auth', message: 'No NiamonX API key is set.' } };
    const report = pingManyReport(plan, [noKey, noKey]);
    assert.ok('error' in report);
    if ('error' in report) assert.match(report.error, /^auth: no API key is set/);
  });
});
