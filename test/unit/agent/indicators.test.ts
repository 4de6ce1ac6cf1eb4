import * as assert from 'node:assert/strict';
import { indicatorsIn, indicatorSummary } from '../../../src/core/agent/indicators';
import { listTools } from '../../../src/core/agent/toolList';
import { parseAgentInput, pingManyInput, runToolInput } from '../../../src/core/agent/agentInputs';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { fakeClock } from '../support/fakeClock';

describe('agent indicators, tool list and inputs', () => {
  const catalog = buildCatalog([]);

  it('lists unique indicators with class, count and the tools that take them', () => {
    const report = indicatorsIn('from 8.8.8.8 to 10.0.0.5, again 8.8.8.8; mail bob@corp-example.com', catalog);
    assert.deepEqual(
      report.indicators.map((indicator) => [indicator.kind, indicator.value, indicator.class, indicator.public, indicator.count]),
      [
        ['ipv4', '8.8.8.8', 'public', true, 2],
        ['ipv4', '10.0.0.5', 'private', false, 1],
        ['email', 'bob@corp-example.com', undefined, undefined, 1],
      ],
    );
    assert.ok(report.tools.ip?.includes('gl_ping'));
    assert.ok(report.tools.email?.includes('breaches_search'));
    assert.equal(report.tools.domain, undefined);
    assert.equal(indicatorSummary(report), '3 unique indicators: 2 IPs (1 public), 1 email; no API call was made.');
  });

  it('lists tools with the state real answers taught', () => {
    const clock = fakeClock(1_000_000);
    const states = new ToolStateTracker({ clock });
    states.record('gl_ping', { ok: false, kind: 'rate-limit', message: 'slow down', retryAfterSeconds: 30 });
    states.record('ulp_search', { ok: false, kind: 'disabled', message: 'no' });
    const { data, summary } = listTools(catalog, states, clock.now());
    const state = (name: string) => data.tools.find((tool) => tool.name === name)?.state;
    assert.equal(state('gl_ping'), `cooling down until ${new Date(clock.now() + 30_000).toISOString()}`);
    assert.equal(state('ulp_search'), 'disabled for this API key');
    assert.equal(state('breaches_search'), 'ready');
    assert.match(summary, /^4 NiamonX tools \(2 ready, 2 not\)/);
    clock.advance(31_000);
    assert.equal(listTools(catalog, states, clock.now()).data.tools[0].state, 'ready');
  });

  it('refuses bad input with an invalid-input message', () => {
    const tooMany = parseAgentInput(pingManyInput(), { ips: Array.from({ length: 51 }, () => '8.8.8.8') });
    assert.equal(tooMany.ok, false);
    if (!tooMany.ok) assert.match(tooMany.message, /^invalid-input: ips: ips has more than 50 entries/);
    const missing = parseAgentInput(runToolInput(), { tool: 'ulp_search' });
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.message, /input/);
    const trimmed = parseAgentInput(runToolInput(), { tool: ' ulp_search ', input: ' corp.example ' });
    assert.deepEqual(trimmed.ok && trimmed.value, { tool: 'ulp_search', input: 'corp.example' });
  });
});
