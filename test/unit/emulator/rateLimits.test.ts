import assert from 'node:assert/strict';
import { callTool, OTHER_KEY, useEmulator } from './harness';

describe('emulator: rate limits (injected clock)', () => {
  const { emulator, clock } = useEmulator();
  const ping = { ip: '1.1.1.1' };

  describe('cooldown', () => {
    beforeEach(() => emulator().configure({ cooldownSeconds: 10 }));

    it('refuses the next call with the seconds left, in the message and Retry-After', async () => {
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
      clock().advance(2_500);
      const refused = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(refused.status, 429);
      assert.deepEqual(refused.json, { success: false, error: 'Cooldown active, retry in 8 seconds' });
      assert.equal(refused.headers.get('retry-after'), '8');
    });

    it('omits Retry-After when configured, keeping the number in the message', async () => {
      emulator().configure({ retryAfterHeader: false });
      await callTool(emulator(), 'gl_ping', ping);
      clock().advance(3_000);
      const refused = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), null);
      assert.equal(refused.json.error, 'Cooldown active, retry in 7 seconds');
    });

    it('ends when the clock has moved past it', async () => {
      await callTool(emulator(), 'gl_ping', ping);
      clock().advance(9_999);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 429);
      clock().advance(1);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });

    it('applies per key and per tool', async () => {
      await callTool(emulator(), 'gl_ping', ping);
      assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: OTHER_KEY })).status, 200, 'other key');
      assert.equal((await callTool(emulator(), 'breaches_search', { query: 'a' })).status, 200, 'other tool');
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 429, 'same key and tool');
    });

    it('is started only by successful calls', async () => {
      assert.equal((await callTool(emulator(), 'gl_ping', { ip: 'nope' })).status, 400);
      assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: 'wrong' })).status, 401);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 429);
    });

    it('does not let refused calls extend it', async () => {
      await callTool(emulator(), 'gl_ping', ping);
      clock().advance(5_000);
      await callTool(emulator(), 'gl_ping', ping);
      clock().advance(5_000);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });
  });

  describe('daily limit', () => {
    beforeEach(() => emulator().configure({ dailyLimit: 3 }));

    it('refuses the call after the quota, with Retry-After until the next UTC midnight', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
      const refused = await callTool(emulator(), 'breaches_search', { query: 'a' });
      assert.equal(refused.status, 429);
      assert.deepEqual(refused.json, { success: false, error: 'Daily request limit exceeded (3/3)' });
      assert.equal(refused.headers.get('retry-after'), String(12 * 3600), 'the harness clock starts at 12:00 UTC');
      assert.equal((await callTool(emulator(), 'gl_ping', ping, { key: OTHER_KEY })).status, 200, 'quota is per key');
    });

    it('omits Retry-After when configured', async () => {
      emulator().configure({ dailyLimit: 0, retryAfterHeader: false });
      const refused = await callTool(emulator(), 'gl_ping', ping);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), null);
      assert.equal(refused.json.error, 'Daily request limit exceeded (0/0)');
    });

    it('starts again on the next UTC day', async () => {
      for (let i = 0; i < 3; i++) await callTool(emulator(), 'gl_ping', ping);
      clock().advance(12 * 3600 * 1000 - 1);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 429);
      clock().advance(1);
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });

    it('counts only successful calls, and reports what is left in breaches_search', async () => {
      await callTool(emulator(), 'gl_ping', { ip: 'x' });
      await callTool(emulator(), 'no_such_tool', {});
      const first = await callTool(emulator(), 'breaches_search', { query: 'someone@example.com' });
      assert.equal(first.json.data.rate.remaining, 2);
      const second = await callTool(emulator(), 'breaches_search', { query: 'someone@example.com' });
      assert.equal(second.json.data.rate.remaining, 1);
    });

    it('is cleared by reset()', async () => {
      for (let i = 0; i < 3; i++) await callTool(emulator(), 'gl_ping', ping);
      emulator().reset();
      emulator().configure({ dailyLimit: 3 });
      assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
    });
  });
});
