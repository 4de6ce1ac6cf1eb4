import * as assert from 'node:assert/strict';
import { planBulk, type PlannedTarget } from '../../../src/core/bulk/bulkPlan';
import { splitByBudget, withOverBudgetRows } from '../../../src/core/bulk/callBudget';
import { extractTargets } from '../../../src/core/bulk/extract';

const planned = (value: string): PlannedTarget => ({ value, raws: [value], occurrences: 1, defanged: false });

describe('The quota where it counts', () => {
  it('plans the most frequent targets first, ties in the order they were found', () => {
    const text = 'a 1.1.1.1 b 2.2.2.2 c 3.3.3.3 3.3.3.3 d 4.4.4.4 3.3.3.3 2.2.2.2 e 5.5.5.5';
    const plan = planBulk(extractTargets(text), { skipNonPublic: true });
    assert.deepEqual(
      plan.targets.map((target) => [target.value, target.occurrences]),
      [
        ['3.3.3.3', 3],
        ['2.2.2.2', 2],
        ['1.1.1.1', 1],
        ['4.4.4.4', 1],
        ['5.5.5.5', 1],
      ],
    );
  });

  it('sends cached targets for free and at most maxCalls others, in plan order', () => {
    const targets = ['a', 'b', 'c', 'd', 'e'].map(planned);
    const { send, over } = splitByBudget(targets, new Set(['b', 'e']), 2);
    assert.deepEqual(
      send.map((target) => target.value),
      ['a', 'b', 'c', 'e'],
    );
    assert.deepEqual(
      over.map((target) => target.value),
      ['d'],
    );
  });

  it('lists the targets over the budget as not run, after the rows of the run', () => {
    const result = withOverBudgetRows({ rows: [{ sent: 'a', status: 'ok', attempts: 1 }], rateLimited: 0 }, [planned('d')], 2);
    assert.deepEqual(result.rows[1], { sent: 'd', status: 'not-run', notRun: 'over niamonx.bulk.maxCalls (2)', attempts: 0 });
    const untouched = { rows: [], rateLimited: 0 };
    assert.equal(withOverBudgetRows(untouched, [], 2), untouched);
  });
});
