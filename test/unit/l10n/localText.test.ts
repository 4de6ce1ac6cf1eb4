import * as assert from 'node:assert/strict';
import { parseAnswer } from '../../../src/core/api/responseParser';
import { ToolCallError } from '../../../src/core/errors';
import { followedBy, renderText, t } from '../../../src/core/localText';

const upper = (message: string, ...args: Array<string | number>) =>
  message.toUpperCase().replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)]));

describe('Core messages in the user language', () => {
  it('keep the English for logs and agents, and the text to translate where they are shown', () => {
    const error = new ToolCallError('timeout', t('No answer within {0} s.', 20));
    assert.equal(error.message, 'No answer within 20 s.');
    assert.equal(renderText(error.toToolError().text!, upper), 'NO ANSWER WITHIN 20 S.');
  });

  it('translate our words and leave what the server said as it was written', () => {
    let error: ToolCallError | undefined;
    try {
      parseAnswer('gl_ping', { status: 401, contentType: 'application/json', text: '{"message":"key revoked"}', truncated: false, retryAfterHeader: null, location: null });
    } catch (thrown) {
      error = thrown as ToolCallError;
    }
    const shown = renderText(error!.toToolError().text!, upper);
    assert.match(shown, /^NIAMONX DID NOT ACCEPT THE API KEY/);
    assert.ok(shown.endsWith('key revoked'), shown);
  });

  it('drop the text once the message was changed (a scrubbed key), so nothing unscrubbed is shown', () => {
    const error = new ToolCallError('auth', followedBy(t('Refused.'), t(' Server said: {0}', 'secret-key')));
    const scrubbed = new ToolCallError(error.kind, error.message.split('secret-key').join('[redacted]'));
    assert.equal(scrubbed.toToolError().text, undefined);
    Object.defineProperty(error, 'message', { value: 'changed' });
    assert.equal(error.toToolError().text, undefined);
  });
});
