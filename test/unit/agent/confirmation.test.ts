import * as assert from 'node:assert/strict';
import { plainTranslate, prepareMessages } from '../../../src/core/agent/confirmation';

describe('prepareMessages: asking before an agent spends quota', () => {
  it('one call names the tool, the input and the one call', () => {
    const { confirmation, invocationMessage } = prepareMessages({ tool: 'gl_ping', label: 'Ping', inputs: ['8.8.8.8'], calls: 1 }, true);
    assert.equal(confirmation?.title, 'Run NiamonX Ping?');
    assert.match(confirmation.message, /^An AI agent wants to run gl_ping \(Ping\) on “8\.8\.8\.8”\. This makes 1 NiamonX API call/);
    assert.match(confirmation.message, /niamonx\.ai\.confirmCalls/);
    assert.equal(invocationMessage, 'NiamonX Ping on “8.8.8.8”');
  });

  it('a batch names how many addresses and calls, and lists at most ten', () => {
    const inputs = Array.from({ length: 12 }, (_, index) => `8.8.8.${index}`);
    const { confirmation } = prepareMessages({ tool: 'gl_ping', label: 'Ping', inputs, calls: 12 }, true);
    assert.match(confirmation!.message, /on 12 addresses: “8\.8\.8\.0”, .*“8\.8\.8\.9” and 2 more\. This makes up to 12 NiamonX API calls/);
    assert.ok(!confirmation!.message.includes('8.8.8.10'));
  });

  it('does not ask when the setting is off, or when nothing will be called', () => {
    assert.equal(prepareMessages({ tool: 'gl_ping', label: 'Ping', inputs: ['8.8.8.8'], calls: 1 }, false).confirmation, undefined);
    assert.equal(prepareMessages({ tool: 'gl_ping', label: 'Ping', inputs: [], calls: 0 }, true).confirmation, undefined);
  });

  it('shows a model-chosen input on one short line', () => {
    const { confirmation } = prepareMessages(
      { tool: 'ulp_search', label: 'ULP search', inputs: [`evil.example\n\u0007[click](https://x.example) ${'a'.repeat(300)}`], calls: 1 },
      true,
    );
    assert.ok(!/[\n\u0007]/.test(confirmation!.message));
    assert.ok(!confirmation!.message.includes('a'.repeat(200)), 'long input is shortened');
  });

  it('goes through the translator with positional placeholders', () => {
    const seen: string[] = [];
    prepareMessages(
      { tool: 'gl_ping', label: 'Ping', inputs: ['1.1.1.1'], calls: 1 },
      true,
      (message, ...args) => (seen.push(message), plainTranslate(message, ...args)),
    );
    assert.ok(seen.includes('Run NiamonX {0}?'));
    assert.ok(seen.every((message) => !/\$\{/.test(message)));
  });
});
