import * as assert from 'node:assert/strict';
import { PacingBook, STEP_BACK_AFTER } from '../../../src/core/bulk/pacing';

describe('PacingBook: the learned interval grows on paced 429s and steps back after a clean streak', () => {
  const TOOL = 'gl_ping';
  /** A book that learned a 1 s cooldown (1020 ms with margin), then took two 429s while paced. */
  const grownBook = () => {
    const pacing = new PacingBook();
    const floor = pacing.learn(TOOL, 0, 1000, false);
    pacing.learn(TOOL, 0, 1000, true);
    const grown = pacing.learn(TOOL, 0, 1000, true);
    return { pacing, floor, grown };
  };
  const pacedSuccesses = (pacing: PacingBook, count: number, paced = true) => {
    for (let i = 0; i < count; i++) pacing.noteSuccess(TOOL, i * 1000, paced);
  };

  it('grows by a tenth for each 429 on a paced call', () => {
    const { floor, grown } = grownBook();
    assert.equal(floor, 1020, 'announced cooldown plus the 20 ms margin');
    assert.ok(Math.abs(grown - floor * 1.1 * 1.1) < 1e-6, String(grown));
  });

  it(`steps back one tenth after ${STEP_BACK_AFTER} paced successes in a row, not before`, () => {
    const { pacing, grown } = grownBook();
    pacedSuccesses(pacing, STEP_BACK_AFTER - 1);
    assert.equal(pacing.intervalMs(TOOL), grown, 'unchanged before the streak is complete');
    pacedSuccesses(pacing, 1);
    assert.ok(Math.abs(pacing.intervalMs(TOOL)! - grown / 1.1) < 1e-6, String(pacing.intervalMs(TOOL)));
    assert.ok(Math.abs(pacing.estimateMs(TOOL, 11)! - 10 * (grown / 1.1)) < 1e-6, 'the plan estimate follows');
  });

  it('never steps back below the last announced cooldown plus margin', () => {
    const { pacing, floor } = grownBook();
    pacedSuccesses(pacing, STEP_BACK_AFTER * 10);
    assert.equal(pacing.intervalMs(TOOL), floor);
  });

  it('a 429 restarts the streak', () => {
    const { pacing, grown } = grownBook();
    pacedSuccesses(pacing, STEP_BACK_AFTER - 1);
    const regrown = pacing.learn(TOOL, 0, 1000, true);
    assert.ok(Math.abs(regrown - grown * 1.1) < 1e-6, String(regrown));
    pacedSuccesses(pacing, STEP_BACK_AFTER - 1);
    assert.equal(pacing.intervalMs(TOOL), regrown, 'the streak began again at the 429');
    pacedSuccesses(pacing, 1);
    assert.ok(Math.abs(pacing.intervalMs(TOOL)! - grown) < 1e-6, 'and steps back once it is complete');
  });

  it('steps back to the newest announced cooldown, not an older shorter one', () => {
    const { pacing } = grownBook();
    // A paced call is refused 1 s after the last success, told to wait 1 more: the cooldown is ~2 s now.
    const regrown = pacing.learn(TOOL, 1000, 1000, true);
    assert.equal(regrown, 2040, 'the announcement (2 s + margin) beats 10% growth');
    pacedSuccesses(pacing, STEP_BACK_AFTER * 5);
    assert.equal(pacing.intervalMs(TOOL), 2040, 'not back to the 1 s learned before');
  });

  it('successes of calls that were not paced (or before anything was learned) do not count', () => {
    const { pacing, grown } = grownBook();
    pacedSuccesses(pacing, STEP_BACK_AFTER * 2, false);
    assert.equal(pacing.intervalMs(TOOL), grown);
    const fresh = new PacingBook();
    pacedSuccesses(fresh, STEP_BACK_AFTER * 2);
    assert.equal(fresh.intervalMs(TOOL), undefined, 'successes alone teach no interval');
  });
});
