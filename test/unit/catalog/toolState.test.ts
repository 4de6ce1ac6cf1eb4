import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { fakeClock } from '../support/fakeClock';

/** A tracker on a hand-driven clock, plus the list of change events it fired. */
function setup(start = Date.UTC(2024, 0, 15, 10, 0, 0), fallbackSeconds = 60) {
  const clock = fakeClock(start);
  const tracker = new ToolStateTracker({ clock, fallbackCooldownSeconds: () => fallbackSeconds });
  const changes: string[] = [];
  tracker.onDidChange((tool) => changes.push(tool));
  return { clock, tracker, changes, start };
}

describe('ToolStateTracker', () => {
  it('starts idle and learns ok, disabled and unknown from answers', () => {
    const { tracker, clock, start } = setup();
    assert.deepEqual(tracker.stateOf('gl_ping'), { kind: 'idle' });
    tracker.record('gl_ping', { ok: true });
    assert.deepEqual(tracker.stateOf('gl_ping'), { kind: 'ok', at: start });
    clock.advance(1000);
    tracker.record('gl_ping', { ok: false, kind: 'disabled', message: 'Tool disabled' });
    assert.deepEqual(tracker.stateOf('gl_ping'), { kind: 'disabled', at: start + 1000, message: 'Tool disabled' });
    tracker.record('nope', { ok: false, kind: 'unknown-tool', message: 'Unknown tool' });
    assert.deepEqual(tracker.stateOf('nope'), { kind: 'unknown', at: start + 1000, message: 'Unknown tool' });
    assert.deepEqual(tracker.stateOf('other'), { kind: 'idle' }, 'tools are tracked separately');
  });

  it('does not block on disabled or unknown: an admin may have changed that', () => {
    const { tracker } = setup();
    tracker.record('a', { ok: false, kind: 'disabled', message: 'off' });
    tracker.record('b', { ok: false, kind: 'unknown-tool', message: '404' });
    assert.equal(tracker.blockingState('a'), undefined);
    assert.equal(tracker.blockingState('b'), undefined);
  });

  it('cools down for Retry-After seconds, blocks meanwhile, then reads as the state before', () => {
    const { tracker, clock, start } = setup();
    tracker.record('t', { ok: true });
    tracker.record('t', { ok: false, kind: 'rate-limit', message: 'Cooldown 30 s', retryAfterSeconds: 30 });
    const cooling = { kind: 'cooling-down', until: start + 30_000, daily: false, message: 'Cooldown 30 s' };
    assert.deepEqual(tracker.stateOf('t'), cooling);
    assert.deepEqual(tracker.blockingState('t'), cooling);
    clock.time = start + 29_999;
    assert.deepEqual(tracker.blockingState('t'), cooling);
    clock.time = start + 30_000;
    assert.equal(tracker.blockingState('t'), undefined);
    assert.deepEqual(tracker.stateOf('t'), { kind: 'ok', at: start });
  });

  it('reads an expired cooldown as the disabled state before it, and as ok when nothing came before', () => {
    const { tracker, clock, start } = setup();
    tracker.record('d', { ok: false, kind: 'disabled', message: 'off' });
    tracker.record('d', { ok: false, kind: 'rate-limit', message: 'slow down', retryAfterSeconds: 5 });
    tracker.record('fresh', { ok: false, kind: 'rate-limit', message: 'slow down', retryAfterSeconds: 5 });
    clock.time = start + 5_000;
    assert.deepEqual(tracker.stateOf('d'), { kind: 'disabled', at: start, message: 'off' });
    assert.deepEqual(tracker.stateOf('fresh'), { kind: 'ok', at: start + 5_000 });
  });

  it('uses the configured fallback when a 429 gives no hint, read at the time of the answer', () => {
    let fallback = 45;
    const clock = fakeClock(1_000_000);
    const tracker = new ToolStateTracker({ clock, fallbackCooldownSeconds: () => fallback });
    tracker.record('t', { ok: false, kind: 'rate-limit', message: 'Too many requests' });
    assert.equal((tracker.stateOf('t') as { until: number }).until, 1_000_000 + 45_000);
    fallback = 10;
    tracker.record('u', { ok: false, kind: 'rate-limit', message: 'Too many requests', retryAfterSeconds: 0 });
    assert.equal((tracker.stateOf('u') as { until: number }).until, 1_000_000 + 10_000, 'a zero hint is no hint');
  });

  it('defaults to a 60 s fallback and a real clock when given no options', () => {
    const before = Date.now();
    const tracker = new ToolStateTracker();
    tracker.record('t', { ok: false, kind: 'rate-limit', message: 'slow' });
    const state = tracker.stateOf('t');
    assert.equal(state.kind, 'cooling-down');
    const until = (state as { until: number }).until;
    assert.ok(until >= before + 60_000 && until <= Date.now() + 60_000);
  });

  it('runs a daily limit without a hint until the next UTC midnight', () => {
    const { tracker, clock } = setup(Date.UTC(2024, 0, 15, 23, 59, 30));
    tracker.record('t', { ok: false, kind: 'rate-limit', message: 'Daily limit reached', daily: true });
    assert.deepEqual(tracker.stateOf('t'), {
      kind: 'cooling-down',
      until: Date.UTC(2024, 0, 16),
      daily: true,
      message: 'Daily limit reached',
    });
    clock.time = Date.UTC(2024, 0, 16);
    assert.equal(tracker.blockingState('t'), undefined);
  });

  it('prefers a hint over midnight for a daily limit, and caps absurd hints at a day', () => {
    const { tracker, start } = setup();
    tracker.record('a', { ok: false, kind: 'rate-limit', message: 'daily', daily: true, retryAfterSeconds: 120 });
    assert.equal((tracker.stateOf('a') as { until: number }).until, start + 120_000);
    tracker.record('b', { ok: false, kind: 'rate-limit', message: 'x', retryAfterSeconds: 10 ** 9 });
    assert.equal((tracker.stateOf('b') as { until: number }).until, start + 86_400_000);
  });

  it('learns nothing from other errors', () => {
    const { tracker, changes, start } = setup();
    tracker.record('t', { ok: true });
    changes.length = 0;
    for (const kind of ['validation', 'auth', 'method', 'server', 'bad-response', 'network', 'timeout', 'cancelled', 'config'] as const) {
      tracker.record('t', { ok: false, kind, message: kind });
    }
    assert.deepEqual(tracker.stateOf('t'), { kind: 'ok', at: start });
    assert.deepEqual(changes, []);
  });

  it('announces each change and stops announcing after dispose', () => {
    const { tracker, changes } = setup();
    tracker.record('a', { ok: true });
    tracker.record('b', { ok: false, kind: 'rate-limit', message: 'x' });
    assert.deepEqual(changes, ['a', 'b']);
    const seen: string[] = [];
    const subscription = tracker.onDidChange((tool) => seen.push(tool));
    subscription.dispose();
    tracker.record('c', { ok: true });
    assert.deepEqual(seen, []);
  });

  it('forgets everything on clear and announces each forgotten tool', () => {
    const { tracker, changes } = setup();
    tracker.record('a', { ok: true });
    tracker.record('b', { ok: false, kind: 'rate-limit', message: 'x', retryAfterSeconds: 100 });
    changes.length = 0;
    tracker.clear();
    assert.deepEqual(tracker.stateOf('a'), { kind: 'idle' });
    assert.equal(tracker.blockingState('b'), undefined);
    assert.deepEqual(changes.sort(), ['a', 'b']);
  });
});
