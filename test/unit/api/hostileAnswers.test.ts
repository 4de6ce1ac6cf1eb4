import * as assert from 'node:assert/strict';
import type { Emulator } from '../../../emulator/server';
import { callTool, type ToolCall } from '../../../src/core/api/apiClient';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../src/core/api/jsonDepth';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import type { ToolCallError } from '../../../src/core/errors';
import { callFailure } from '../support/callFailure';
import { useSharedEmulator } from '../support/emulatorAndRunner';

const KEY = 'nx-canary-hostile-5f0c2e9a7b1d';

/** The call's error; fails the test when the key (or its first 8 characters) shows anywhere in it. */
async function failure(emulator: Emulator, call: Partial<ToolCall> = {}): Promise<ToolCallError> {
  return callFailure(
    { baseUrl: emulator.url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 10_000, ...call },
    KEY.slice(0, 8),
  );
}

describe('API client against hostile answers', () => {
  const emulator = useSharedEmulator(KEY);

  describe('a server that echoes the key', () => {
    const cases: [string, Parameters<Emulator['injectFault']>[0], RegExp][] = [
      ['in a 401 error body', { type: 'echo-key', status: 401, in: 'body' }, /NiamonX said: Invalid API key: \[redacted\]/],
      ['in a 500 error body', { type: 'echo-key', status: 500, in: 'body' }, /NiamonX said: Invalid API key: \[redacted\]/],
      ['in a 400 error body', { type: 'echo-key', status: 400, in: 'body' }, /Invalid API key: \[redacted\]/],
      ['in the content type of a 200', { type: 'echo-key', status: 200, in: 'header' }, /key=\[redacted\]/],
      ['in the Location of a redirect', { type: 'echo-key', status: 302, in: 'header' }, /\/api\/v2\/\[redacted\]/],
    ];
    for (const [name, fault, shown] of cases) {
      it(`scrubs it ${name}`, async () => {
        emulator().injectFault(fault);
        const error = await failure(emulator());
        // The echo really reached the client: the message kept the text around the key.
        assert.match(error.message, shown);
        assert.equal((await emulator().waitForRequest(() => true)).fault, 'echo-key');
      });
    }
  });

  it('reports a body shorter than its Content-Length as cut short, not as a success', async () => {
    emulator().injectFault({ type: 'short-body', missingBytes: 50 });
    const error = await failure(emulator());
    assert.equal(error.kind, 'bad-response');
    assert.equal(error.status, 200);
    assert.match(error.message, /closed before the answer was complete/);
  });

  for (const shape of ['array', 'object'] as const) {
    it(`refuses data nested 100,000 levels deep (${shape}s) as bad-response without overflowing`, async () => {
      emulator().injectFault({ type: 'deep-json', depth: 100_000, shape });
      const error = await failure(emulator());
      assert.equal(error.kind, 'bad-response');
      assert.equal(error.status, 200);
      assert.match(error.message, /nests more than 256 levels/);
      assert.match(error.message, /application\/json/);
    });
  }

  it(`accepts data nested exactly ${MAX_JSON_DEPTH} levels, and it can be serialised`, async () => {
    emulator().injectFault({ type: 'deep-json', depth: MAX_JSON_DEPTH - 1 });
    const answer = await callTool({ baseUrl: emulator().url, apiKey: KEY, tool: 'gl_ping', body: { ip: '1.1.1.1' }, timeoutMs: 10_000 });
    assert.equal(answer.status, 200);
    assert.ok(JSON.stringify(answer.data).startsWith('[[['));
  });
});

describe('nestsDeeperThan', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 ? { n: value } : [value];
    return value;
  };

  it('counts each object or array as one level', () => {
    assert.equal(nestsDeeperThan(1, 0), false);
    assert.equal(nestsDeeperThan([], 0), true);
    assert.equal(nestsDeeperThan(nested(3), 3), false);
    assert.equal(nestsDeeperThan(nested(4), 3), true);
    assert.equal(nestsDeeperThan({ a: [1, { b: nested(1) }] }, 4), false);
    assert.equal(nestsDeeperThan({ a: [1, { b: nested(2) }] }, 4), true);
  });

  it('walks 1,000,000 levels without a stack overflow, and survives a cycle', () => {
    assert.equal(nestsDeeperThan(nested(1_000_000)), true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(nestsDeeperThan(cycle), false);
  });
});

describe('hostile niamonx.tools settings', () => {
  it('a user tool whose body nests 100,000 levels is reported invalid instead of breaking the catalog', () => {
    let body: unknown = '${input}';
    for (let i = 0; i < 100_000; i++) body = { n: body };
    const catalog = buildCatalog([
      { name: 'deep_tool', body: { q: body } },
      { name: 'fine_tool', body: { q: '${input}' } },
    ]);
    assert.equal(catalog.find('deep_tool'), undefined);
    assert.ok(catalog.find('fine_tool'), 'the other entries still stand');
  });
});
