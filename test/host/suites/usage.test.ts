import * as assert from 'node:assert/strict';
import { USAGE_STATE_KEY } from '../../../src/vscode/storage/globalStateUsageStore';
import { api, emulator, eventually, internals, resetWorld } from '../helpers';

interface SavedUsage {
  day: string;
  total: number;
  perTool: Record<string, number>;
}

describe("usage: today's calls are kept in globalState", () => {
  beforeEach(resetWorld);

  it('a real call is counted in the saved state; a cached answer is not', async () => {
    const { globalState } = await internals();
    const saved = () => globalState.get<SavedUsage>(USAGE_STATE_KEY);
    const today = new Date().toISOString().slice(0, 10);
    const before = saved()?.day === today ? saved()! : { total: 0, perTool: {} as Record<string, number> };
    const ip = `8.8.${Math.floor(Math.random() * 200)}.${1 + Math.floor(Math.random() * 250)}`;

    const run = await (await api()).runTool('gl_ping', ip, { fresh: true });
    assert.equal(run.ok, true, JSON.stringify(run));
    const after = await eventually('the call to be counted in globalState', () => {
      const value = saved();
      return value?.day === today && value.total === before.total + 1 ? value : undefined;
    });
    assert.equal(after.perTool.gl_ping, (before.perTool.gl_ping ?? 0) + 1);
    const calls = (await emulator().requests()).filter((request) => request.tool === 'gl_ping');
    assert.equal(calls.length, 1, 'the emulator received the one call that was counted');

    const again = await (await api()).runTool('gl_ping', ip);
    assert.equal(again.ok && again.cached, true, 'answered from the cache');
    assert.equal(saved()?.total, before.total + 1, 'a cached answer is not a call');
  });
});
