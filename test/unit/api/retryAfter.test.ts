import * as assert from 'node:assert/strict';
import { isDailyLimit, parseRetryAfterHeader, parseRetryAfterMessage, retryAfterSeconds } from '../../../src/core/api/retryAfter';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it('reads delta seconds and HTTP dates from the header', () => {
    assert.equal(parseRetryAfterHeader('30', now), 30);
    assert.equal(parseRetryAfterHeader('Thu, 26 Nov 2026 10:01:30 GMT', now), 90);
    assert.equal(parseRetryAfterHeader('Thu, 26 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfterHeader('soon', now), undefined);
    assert.equal(parseRetryAfterHeader(null, now), undefined);
  });

  it('falls back to a number in the message', () => {
    assert.equal(parseRetryAfterMessage('Cooldown active, retry in 7 seconds'), 7);
    assert.equal(parseRetryAfterMessage('Please wait 2 minutes'), 120);
    assert.equal(parseRetryAfterMessage('try again in 1.5 h'), 5400);
    assert.equal(parseRetryAfterMessage('Retry in 12'), 12);
    assert.equal(parseRetryAfterMessage('Daily request limit exceeded (100/100)'), undefined);
    assert.equal(parseRetryAfterMessage(undefined), undefined);
  });

  it('prefers the header over the message', () => {
    assert.equal(retryAfterSeconds('5', 'retry in 60 seconds', now), 5);
    assert.equal(retryAfterSeconds(null, 'retry in 60 seconds', now), 60);
  });

  it('tells a daily limit from a cooldown', () => {
    assert.equal(isDailyLimit('Daily request limit exceeded'), true);
    assert.equal(isDailyLimit('Cooldown active, retry in 7 seconds'), false);
  });
});
