import * as assert from 'node:assert/strict';
import { AgentToolName } from '../../../src/core/agent/agentInputs';
import { agentToolCalls, plannedCalls } from '../../../src/core/agent/agentToolCalls';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { parseNeverSendList } from '../../../src/core/neverSend/neverSendList';

describe('agent tools and the never-send list', () => {
  const neverSend = () => ({ list: parseNeverSendList(['23.10.0.0/16', 'corp-example.com']) });
  const deps = { catalog: () => buildCatalog([]), states: new ToolStateTracker({}), neverSend };

  it('plans no call (so asks no consent) for a listed value', () => {
    assert.equal(plannedCalls(AgentToolName.Ping, { ip: '23.10.1.1' }, deps)?.calls, 0);
    assert.equal(plannedCalls(AgentToolName.Ping, { ip: '8.8.8.8' }, deps)?.calls, 1);
    assert.equal(plannedCalls(AgentToolName.RunTool, { tool: 'breaches_search', input: 'a@corp-example.com' }, deps)?.calls, 0);
    assert.deepEqual(plannedCalls(AgentToolName.PingMany, { ips: ['23.10.1.1', '8.8.8.8', '10.0.0.1'] }, deps)?.inputs, ['8.8.8.8']);
  });

  it('refuses a listed value with a model-facing error before consent and before any run', async () => {
    let ran = 0;
    let asked = 0;
    const calls = agentToolCalls({
      ...deps,
      runOne: async () => {
        ran++;
        return { ok: true, tool: 'gl_ping', status: 200, data: {}, durationMs: 1 };
      },
      runMany: async () => [],
      secrets: () => [],
      beforeCall: () => asked++,
    });
    const signal = new AbortController().signal;
    await assert.rejects(async () => calls[AgentToolName.Ping]({ ip: '23.10.1.1' }, signal), /^Error: never-send: gl_ping was not run/);
    await assert.rejects(
      async () => calls[AgentToolName.RunTool]({ tool: 'ulp_search', input: 'vpn.corp-example.com' }, signal),
      /^Error: never-send: /,
    );
    assert.equal(ran, 0);
    assert.equal(asked, 0);
  });
});
