import * as assert from 'node:assert/strict';
import { BUILTIN_TOOLS } from '../../../src/core/catalog/builtinTools';
import { parseUserTools } from '../../../src/core/catalog/userTools';
import type { ResultRecord } from '../../../src/core/record/resultRecord';
import { evaluateFindings, findingRuleSchema, MAX_VALUES_PER_RULE, type FindingRule } from '../../../src/core/verdicts/findingRules';
import { HeldAnswers } from '../../../src/core/verdicts/heldAnswers';
import { verdictLine } from '../../../src/core/verdicts/verdictLine';

const ping = {
  ip: '1.2.3.4',
  alive: true,
  rtt: { min: 40, avg: 42, max: 45 },
  packet_loss: 0,
  location: { city: 'Ashburn', region: 'Virginia', country: 'US' },
};
const breach = { status: 'found', meta: { blocks_total: 3 }, risk: { score: 72, level: 'high' }, blocks: [] };
const tool = (name: string) => BUILTIN_TOOLS.find((definition) => definition.name === name);

describe('verdictLine', () => {
  it('says a ping answer in one line', () => {
    assert.equal(verdictLine('gl_ping', ping), 'alive · 42 ms · Ashburn, US');
    assert.equal(verdictLine('gl_ping', { alive: false, rtt: { min: null, avg: null, max: null } }), 'not alive');
  });

  it('says a breach answer in one line', () => {
    assert.equal(verdictLine('breaches_search', breach), '3 breaches · risk high');
    assert.equal(verdictLine('breaches_search', { status: 'not_found', risk: { level: 'none' } }), 'not found');
  });

  it('falls back to the stats of other tools, and is cut when long', () => {
    assert.equal(verdictLine('ulp_search', { stats: { total: 5, with_password: 3 } }), 'total 5 · with password 3');
    assert.ok(verdictLine('x', { stats: { a: 'y'.repeat(500) } }).length <= 80);
    assert.equal(verdictLine('x', 'not an object'), 'answered');
  });
});

describe('finding rules', () => {
  const rule = (fields: Partial<FindingRule>): FindingRule => ({
    path: 'risk.level',
    condition: 'equals',
    value: 'high',
    message: 'm',
    ...fields,
  });

  it('the built-in breach rule finds high and critical risk only', () => {
    const rules = tool('breaches_search')?.findings;
    assert.deepEqual(evaluateFindings(rules, breach), [{ severity: 'warning', message: 'Breach risk high' }]);
    assert.equal(evaluateFindings(rules, { risk: { level: 'CRITICAL' } }).length, 1);
    assert.deepEqual(evaluateFindings(rules, { risk: { level: 'medium' } }), []);
    assert.deepEqual(evaluateFindings(rules, { risk: 'high' }), []);
  });

  it('the built-in ULP rule finds records with passwords, also when they are masked', () => {
    const rules = tool('ulp_search')?.findings;
    assert.equal(evaluateFindings(rules, { records: [{ pass: '' }, { pass: 'secret' }] }).length, 1);
    assert.equal(evaluateFindings(rules, { records: [{ pass: '•••••• (6 chars)' }] })[0].severity, 'error');
    assert.deepEqual(evaluateFindings(rules, { records: [{ pass: '' }, { pass: '•••••• (0 chars)' }, {}] }), []);
    assert.deepEqual(evaluateFindings(rules, { records: 'none' }), []);
  });

  it('each condition', () => {
    assert.equal(evaluateFindings([rule({ condition: 'greaterThan', path: 'n', value: 2 })], { n: 3 }).length, 1);
    assert.equal(evaluateFindings([rule({ condition: 'greaterThan', path: 'n', value: 2 })], { n: '3' }).length, 0);
    assert.equal(evaluateFindings([rule({ condition: 'in', value: ['a', 'b'] })], { risk: { level: 'B' } }).length, 1);
    assert.equal(evaluateFindings([rule({ condition: 'nonEmpty', path: 'list', value: undefined })], { list: [] }).length, 0);
    assert.equal(evaluateFindings([rule({ condition: 'nonEmpty', path: 'list', value: undefined })], { list: [1] }).length, 1);
    assert.equal(evaluateFindings([rule({ message: 'risk {value}!' })], { risk: { level: 'high' } })[0].message, 'risk high!');
  });

  it('never walks inherited fields', () => {
    assert.deepEqual(evaluateFindings([rule({ path: 'constructor', condition: 'nonEmpty', value: undefined })], {}), []);
    assert.deepEqual(evaluateFindings([rule({ path: '__proto__', condition: 'nonEmpty', value: undefined })], JSON.parse('{}')), []);
  });

  it('is linear and bounded on a hostile answer (a million records, nested arrays)', () => {
    const records = Array.from({ length: 1_000_000 }, () => ({ pass: '' }));
    const row = Array.from({ length: 5000 }, () => 1);
    const nested = { a: Array.from({ length: 5000 }, () => ({ b: row })) };
    const started = performance.now();
    assert.deepEqual(evaluateFindings([rule({ path: 'records[].pass', condition: 'nonEmpty', value: undefined })], { records }), []);
    assert.deepEqual(evaluateFindings([rule({ path: 'a[].b[]', condition: 'greaterThan', value: 5 })], nested), []);
    assert.ok(performance.now() - started < 100, 'bounded');
    assert.ok(MAX_VALUES_PER_RULE <= 10_000);
  });

  it('a throwing getter finds nothing and throws nothing', () => {
    const hostile = Object.defineProperty({}, 'risk', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    assert.deepEqual(evaluateFindings(tool('breaches_search')?.findings, hostile), []);
  });

  it('the schema rejects what it cannot evaluate', () => {
    const ok = (value: unknown) => findingRuleSchema().safeParse(value).success;
    assert.ok(ok({ path: 'records[].pass', condition: 'nonEmpty', message: 'm' }));
    assert.ok(ok({ path: 'risk.level', condition: 'in', value: ['high'], severity: 'error', message: 'm' }));
    assert.ok(!ok({ path: 'risk.level', condition: 'in', value: 'high', message: 'm' }), '"in" needs a list');
    assert.ok(!ok({ path: 'n', condition: 'greaterThan', value: '3', message: 'm' }));
    assert.ok(!ok({ path: 'a..b', condition: 'nonEmpty', message: 'm' }));
    assert.ok(!ok({ path: 'a', condition: 'matches', message: 'm' }));
    assert.ok(!ok({ path: 'a', condition: 'nonEmpty', message: 'm', extra: 1 }));
  });

  it('a user tool declares its findings in niamonx.tools; a bad rule rejects the entry with the reason', () => {
    const findings = [{ path: 'score', condition: 'greaterThan', value: 50, severity: 'error', message: 'Score {value}' }];
    const { tools, invalid } = parseUserTools([
      { name: 'my_tool', findings },
      { name: 'bad_tool', findings: [{ path: 'x', condition: 'equals', message: 'm' }] },
    ]);
    assert.deepEqual(tools[0].findings, findings);
    assert.deepEqual(evaluateFindings(tools[0].findings, { score: 51 }), [{ severity: 'error', message: 'Score 51' }]);
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].reason, /niamonx\.tools\[1\]\.findings/);
  });
});

describe('HeldAnswers', () => {
  const record = (fields: Partial<ResultRecord>): ResultRecord => ({
    id: 'r1',
    tool: 'gl_ping',
    input: '1.2.3.4',
    startedAt: 1000,
    ok: true,
    data: ping,
    ...fields,
  });

  it('finds a single run of the history by tool and value, newest first', () => {
    const history = [
      record({ id: 'new', tool: 'breaches_search', data: breach, startedAt: 3000 }),
      record({ id: 'old', startedAt: 1000 }),
      record({ id: 'older', startedAt: 500, data: { alive: false } }),
    ];
    const held = new HeldAnswers(() => history, tool).lookup('1.2.3.4');
    assert.deepEqual(
      held.map((answer) => [answer.tool, answer.verdict, answer.recordId]),
      [
        ['breaches_search', '3 breaches · risk high', 'new'],
        ['gl_ping', 'alive · 42 ms · Ashburn, US', 'old'],
      ],
    );
    assert.deepEqual(held[0].findings, [{ severity: 'warning', message: 'Breach risk high' }]);
  });

  it('a bulk record gives each answered row its verdict; failures and refused inputs give none', () => {
    const bulk = record({
      id: 'bulk',
      input: '2 targets · log',
      bulk: { pending: [] },
      data: {
        stats: {},
        results: [
          { found: '5[.]6[.]7[.]8', sent: '5.6.7.8', status: 'ok', Alive: 'yes', 'RTT min / avg / max': '1 / 2 / 3 ms' },
          { found: '9.9.9.9', sent: '9.9.9.9', status: 'failed', error: 'HTTP 500' },
        ],
      },
    });
    const held = new HeldAnswers(() => [bulk], tool);
    assert.equal(held.lookup('5.6.7.8')[0].verdict, 'alive · 2 ms');
    assert.deepEqual(held.lookup('9.9.9.9'), []);
    assert.deepEqual(new HeldAnswers(() => [record({ ok: false, data: undefined })], tool).lookup('1.2.3.4'), []);
  });

  it('remembers a bulk run’s answers redacted, with their findings, and says when it changed', () => {
    const held = new HeldAnswers(() => [], tool);
    let changes = 0;
    held.onDidChange(() => changes++);
    held.remember([{ tool: 'ulp_search', value: 'Example.com', data: { stats: { total: 1 }, records: [{ pass: 'hunter2' }] }, at: 5 }]);
    const [answer] = held.lookup('example.com');
    assert.equal(changes, 1);
    assert.deepEqual(answer.findings, [{ severity: 'error', message: 'Credentials exposed: leak records with passwords' }]);
    assert.ok(!JSON.stringify(answer).includes('hunter2'), 'the held answer is redacted');
    held.clear();
    assert.deepEqual(held.lookup('example.com'), []);
  });

  it('reads the history again only after it changed', () => {
    let reads = 0;
    const held = new HeldAnswers(() => {
      reads++;
      return [record({})];
    }, tool);
    held.lookup('1.2.3.4');
    held.lookup('1.2.3.4');
    assert.equal(reads, 1);
    held.historyChanged();
    held.lookup('1.2.3.4');
    assert.equal(reads, 2);
  });
});

describe('HeldAnswers: which values have findings', () => {
  it('knows them from the history and from received answers, so a scan checks a set per occurrence', () => {
    const history: ResultRecord[] = [
      { id: 'a', tool: 'breaches_search', input: '8.8.8.8', startedAt: 1, ok: true, data: { risk: { level: 'critical' } } },
      { id: 'b', tool: 'breaches_search', input: '1.1.1.1', startedAt: 1, ok: true, data: { risk: { level: 'low' } } },
    ];
    const held = new HeldAnswers(
      () => history,
      (name) => BUILTIN_TOOLS.find((definition) => definition.name === name),
    );
    assert.equal(held.anyFindings, true);
    assert.equal(held.hasFindings('8.8.8.8'), true);
    assert.equal(held.hasFindings('1.1.1.1'), false);
    held.remember([{ tool: 'ulp_search', value: 'Example.com', data: { records: [{ pass: 'x' }] }, at: 2 }]);
    assert.equal(held.hasFindings('example.com'), true);
    history.length = 0;
    held.historyChanged();
    held.clear();
    assert.equal(held.anyFindings, false);
  });
});
