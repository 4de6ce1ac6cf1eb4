import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ResultRecord } from '../../../src/core/record/resultRecord';
import { api, internals, resetWorld } from '../helpers';

/** The globalState key versions up to 0.1.0 kept the history in. */
const LEGACY_KEY = 'niamonx.history';

const legacyRecord = (id: string, input: string): ResultRecord => ({
  id,
  tool: 'gl_ping',
  toolLabel: 'Ping',
  input,
  startedAt: Date.now() - 86_400_000,
  ok: true,
  status: 200,
  data: { ip: input },
});

describe('history in the global storage folder', () => {
  beforeEach(resetWorld);

  it('moves a history kept in globalState into the file, then removes it from globalState', async () => {
    const { history, historyFile, globalState } = await internals();
    await globalState.update(LEGACY_KEY, [
      legacyRecord('legacy-1', '192.0.2.71'),
      { not: 'a record' },
      legacyRecord('legacy-2', '192.0.2.72'),
    ]);
    await history.reload();
    const ids = history.list().map((record) => record.id);
    assert.ok(ids.includes('legacy-1') && ids.includes('legacy-2'), ids.join(' '));
    assert.ok(ids.indexOf('legacy-1') < ids.indexOf('legacy-2'), 'the order is kept');
    assert.equal(globalState.get(LEGACY_KEY), undefined, 'removed from globalState');
    const file = readFileSync(historyFile, 'utf8');
    assert.match(file, /192\.0\.2\.71/);
    assert.match(file, /192\.0\.2\.72/);
  });

  it('writes a run through the public API to the file, not to globalState', async () => {
    const { history, historyFile, globalState } = await internals();
    const run = await (await api()).runTool('gl_ping', '192.0.2.73');
    assert.equal(run.ok, true, JSON.stringify(run));
    assert.equal(history.list()[0]?.input, '192.0.2.73');
    await history.flush();
    assert.match(readFileSync(historyFile, 'utf8'), /192\.0\.2\.73/);
    assert.equal(globalState.get(LEGACY_KEY), undefined);
  });
});
