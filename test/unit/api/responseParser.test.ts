import * as assert from 'node:assert/strict';
import { parseAnswer, type RawAnswer } from '../../../src/core/api/responseParser';
import { ToolCallError, type ErrorKind } from '../../../src/core/errors';

const answer = (status: number, body: unknown, extra: Partial<RawAnswer> = {}): RawAnswer => ({
  status,
  contentType: 'application/json',
  text: typeof body === 'string' ? body : JSON.stringify(body),
  truncated: false,
  retryAfterHeader: null,
  location: null,
  ...extra,
});

function kindOf(raw: RawAnswer): ToolCallError {
  try {
    parseAnswer('gl_ping', raw);
  } catch (error) {
    if (error instanceof ToolCallError) return error;
    throw error;
  }
  throw new Error('expected a ToolCallError');
}

describe('parseAnswer', () => {
  it('returns data on success', () => {
    assert.deepEqual(parseAnswer('gl_ping', answer(200, { success: true, data: { alive: true } })), { alive: true });
  });

  const cases: [number, unknown, ErrorKind][] = [
    [400, { success: false, error: 'ip must be valid' }, 'validation'],
    [401, { success: false, error: 'Invalid or missing API key' }, 'auth'],
    [403, { success: false, error: 'disabled' }, 'disabled'],
    [404, { message: 'no such tool' }, 'unknown-tool'],
    [405, '', 'method'],
    [429, { error: 'Cooldown active, retry in 7 seconds' }, 'rate-limit'],
    [500, '<html>oops</html>', 'server'],
    [503, '', 'server'],
    [302, '', 'bad-response'],
    [418, 'teapot', 'bad-response'],
  ];
  for (const [status, body, kind] of cases) {
    it(`maps HTTP ${status} to ${kind}`, () => {
      assert.equal(kindOf(answer(status, body)).kind, kind);
    });
  }

  it('shows the server message for a validation error', () => {
    assert.match(kindOf(answer(400, { error: 'ip must be a valid IPv4 or IPv6 address' })).message, /ip must be a valid IPv4/);
  });

  it('reads the wait from the message of a 429 and flags daily limits', () => {
    const cooldown = kindOf(answer(429, { error: 'Cooldown active, retry in 7 seconds' }));
    assert.equal(cooldown.retryAfterSeconds, 7);
    assert.equal(cooldown.daily, false);
    const daily = kindOf(answer(429, { error: 'Daily request limit exceeded (100/100)' }, { retryAfterHeader: '3600' }));
    assert.equal(daily.retryAfterSeconds, 3600);
    assert.equal(daily.daily, true);
  });

  it('treats success:false on a 200 as a failure with its message', () => {
    const error = kindOf(answer(200, { success: false, error: 'backend busy' }));
    assert.equal(error.kind, 'bad-response');
    assert.match(error.message, /backend busy/);
  });

  it('describes HTML, empty and truncated bodies with status, type and an escaped excerpt', () => {
    const html = kindOf(answer(200, '<html>\n<body>Gateway\u0007</body></html>', { contentType: 'text/html' }));
    assert.match(html.message, /HTTP 200, text\/html/);
    assert.ok(!/[\n\u0007]/.test(html.message), 'control characters are removed');
    assert.match(kindOf(answer(200, '')).message, /empty body/);
    assert.match(kindOf(answer(200, '{"success":true,"da', { truncated: true })).message, /closed before the answer was complete/);
  });

  it('names the redirect target and refuses to follow it', () => {
    assert.match(
      kindOf(answer(301, '', { location: 'https://elsewhere.example/api' })).message,
      /redirect.*elsewhere\.example.*not followed/,
    );
  });
});
