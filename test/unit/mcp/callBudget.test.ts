import * as assert from 'node:assert/strict';
import { budgetedFetch, CallBudget } from '../../../src/mcp/callBudget';

/** A promise and its resolve, to hold a run open while another starts. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('CallBudget', () => {
  const sender = (budget: CallBudget) =>
    budgetedFetch(
      budget,
      () => undefined,
      async () => new Response('{}'),
    );

  it('promises no more calls than remain, counting runs still going', async () => {
    const budget = new CallBudget(2);
    const first = gate();
    const second = gate();
    const runs = [budget.withReservation(() => first.opened), budget.withReservation(() => second.opened)];
    assert.equal(budget.available, 0);
    assert.deepEqual(await budget.withReservation(async () => 'third'), { ran: false }, 'two runs hold the two calls');
    first.open();
    second.open();
    await Promise.all(runs);
    assert.equal(budget.available, 2, 'runs that sent nothing give their calls back');
    assert.equal(budget.remaining, 2);
  });

  it('a run’s request uses its own reservation: the last call is not refused while the one before is in flight', async () => {
    const budget = new CallBudget(2);
    const fetchImpl = sender(budget);
    const inFlight = gate();
    const first = budget.withReservation(async () => {
      await fetchImpl('http://127.0.0.1/1');
      await inFlight.opened;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(budget.sent, 1);
    const second = await budget.withReservation(() => fetchImpl('http://127.0.0.1/2'));
    assert.equal(second.ran, true);
    inFlight.open();
    await first;
    assert.equal(budget.sent, 2);
    assert.equal(budget.available, 0);
  });

  it('the fetch counts every request and refuses, before sending, once the budget is spent', async () => {
    const budget = new CallBudget(1);
    let fetched = 0;
    let noted = 0;
    const fetchImpl = budgetedFetch(
      budget,
      () => noted++,
      async () => {
        fetched++;
        return new Response('{}');
      },
    );
    await fetchImpl('http://127.0.0.1/x');
    await assert.rejects(fetchImpl('http://127.0.0.1/y'), /call budget of this NiamonX MCP server \(1\) is spent/);
    assert.equal(fetched, 1);
    assert.equal(noted, 1);
    assert.equal(budget.sent, 1);
    assert.equal(budget.remaining, 0);
  });
});
