import * as assert from 'node:assert/strict';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { shownInput, type ToolRunner } from '../../../src/core/run/toolRunner';
import { testRunner, useSharedEmulator } from '../support/emulatorAndRunner';

const KEY = 'nx-canary-badinput-7c1e0d44a2';

/** Bad input is checked locally, nothing is sent, no hidden character reaches the wire. */
describe('bad input is refused locally, before any request', () => {
  const emulator = useSharedEmulator(KEY);
  let runner: ToolRunner;
  beforeEach(() => {
    // A free-text user tool: the strictest case, since it takes anything a selection holds.
    const catalog = buildCatalog([{ name: 'free_text', inputKind: 'text', body: { q: '${input}' } }]);
    runner = testRunner({
      catalog: () => catalog,
      settings: () => ({ baseUrl: emulator().url, timeoutMs: 5000, cacheTtlSeconds: 0 }),
      apiKey: async () => KEY,
    });
  });

  const deep = (): object => {
    let value: object = {};
    for (let i = 0; i < 100_000; i++) value = { n: value };
    return value;
  };
  const cycle = (): object => {
    const value: Record<string, unknown> = { ip: '1.1.1.1' };
    value.self = value;
    return value;
  };
  const cases: [string, string, string | object, RegExp][] = [
    ['an empty selection', 'gl_ping', '   ', /Nothing to run/],
    ['1 MB of text', 'free_text', 'a'.repeat(1024 * 1024), /characters long/],
    ['1 MB for an IP tool', 'gl_ping', '1'.repeat(1024 * 1024), /characters long/],
    ['a NUL', 'free_text', 'bob\u0000admin', /U\+0000/],
    ['an ANSI escape', 'free_text', 'bob\u001b[31m', /U\+001B/],
    ['a right-to-left override', 'free_text', 'gnp.\u202Eexe', /U\+202E/],
    ['a left-to-right isolate', 'free_text', 'a\u2066b', /U\+2066/],
    ['a zero-width space', 'free_text', 'exa\u200Bmple.com', /U\+200B/],
    ['a zero-width joiner in an IP', 'gl_ping', '8.8.\u200D8.8', /U\+200D/],
    ['a byte-order mark', 'free_text', 'ad\uFEFFmin', /U\+FEFF/],
    ['an invalid IP', 'gl_ping', '999.1.1.1', /not an IP address/],
    ['an IP with a NUL', 'gl_ping', '8.8.8.8\u0000', /U\+0000|not an IP/],
    ['a body nested 100,000 levels', 'gl_ping', deep(), /nests more than 256/],
    ['a body with a cycle', 'gl_ping', cycle(), /not plain JSON/],
    ['an array body', 'gl_ping', [1, 2], /not an array/],
  ];
  for (const [name, tool, input, message] of cases) {
    it(`refuses ${name} with validation, and sends nothing`, async () => {
      const { run } = await runner.run({ tool, input });
      assert.equal(run.ok, false);
      if (run.ok) return;
      assert.equal(run.error.kind, 'validation');
      assert.match(run.error.message, message);
      assert.equal(run.status, undefined, 'no HTTP status: no request was made');
      assert.equal(emulator().requests.length, 0);
    });
  }

  it('still sends ordinary text with tabs and line breaks (the check is not vacuous)', async () => {
    const { run } = await runner.run({ tool: 'free_text', input: 'line one\tand\nline two' });
    assert.equal(emulator().requests.length, 1, JSON.stringify(run));
    assert.equal((emulator().requests[0]?.body as { q: string }).q, 'line one\tand\nline two');
  });
});

describe('a refused input as it is shown', () => {
  it('is cut with its length when longer than any input can be, so a pasted log travels nowhere', () => {
    const huge = 'x'.repeat(5_000_000);
    const shown = shownInput(huge);
    assert.ok(shown.length < 200, shown);
    assert.match(shown, /… \(5,000,000 characters\)$/);
    assert.equal(shownInput('8.8.8.8'), '8.8.8.8');
    assert.equal(shownInput('a'.repeat(4096)), 'a'.repeat(4096));
  });
});
