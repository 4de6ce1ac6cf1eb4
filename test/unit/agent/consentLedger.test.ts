import * as assert from 'node:assert/strict';
import { ConsentLedger, notAskedMessage } from '../../../src/core/agent/consentLedger';

describe('ConsentLedger: consent decided again at invoke', () => {
  it('lets an invocation through once per question asked about the same tool and input', () => {
    const ledger = new ConsentLedger();
    ledger.asked('niamonx_ping', { ip: '8.8.8.8' });
    assert.equal(ledger.take('niamonx_ping', { ip: '1.1.1.1' }), false, 'another input was not asked about');
    assert.equal(ledger.take('niamonx_run_tool', { ip: '8.8.8.8' }), false, 'another tool was not asked about');
    assert.equal(ledger.take('niamonx_ping', { ip: '8.8.8.8' }), true);
    assert.equal(ledger.take('niamonx_ping', { ip: '8.8.8.8' }), false, 'one question, one call');
  });

  it('forgets the oldest questions first, so declined ones cannot pile up', () => {
    const ledger = new ConsentLedger();
    for (let index = 0; index < 300; index++) ledger.asked('niamonx_ping', { ip: `8.8.${index >> 8}.${index & 255}` });
    assert.equal(ledger.take('niamonx_ping', { ip: '8.8.0.0' }), false);
    assert.equal(ledger.take('niamonx_ping', { ip: '8.8.1.43' }), true);
  });

  it('never throws on inputs JSON cannot write', () => {
    const ledger = new ConsentLedger();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    ledger.asked('niamonx_ping', cyclic);
    assert.equal(ledger.take('niamonx_ping', 10n), true, 'both have no JSON: the same question (the schema refuses both anyway)');
  });

  it('tells the model that nothing was sent and how to ask the user', () => {
    assert.match(notAskedMessage('niamonx_ping'), /^consent: .*Nothing was sent\. Call the tool again/);
  });
});
