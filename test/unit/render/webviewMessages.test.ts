import * as assert from 'node:assert/strict';
import { parseWebviewMessage, recordForWebview, recordFromSavedState, showMessageSchema } from '../../../src/core/render/webviewMessages';
import type { ResultRecord } from '../../../src/core/record/resultRecord';

const record: ResultRecord = { id: 'r1', tool: 'gl_ping', input: '1.1.1.1', startedAt: 1, ok: true, status: 200, data: { alive: true } };

describe('webview messages', () => {
  it('accepts the fixed set of messages', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'copyJson' },
      { type: 'export' },
      { type: 'export', format: 'csv' },
      { type: 'runAgain' },
      { type: 'openInEditor' },
      { type: 'toggleReveal' },
      { type: 'openLink', url: 'https://example.com/x' },
    ]) {
      assert.deepEqual(parseWebviewMessage(message), message);
    }
  });

  it('rejects unknown types, extra fields, bad formats and non-https links', () => {
    for (const raw of [
      undefined,
      null,
      'ready',
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'ready', extra: 1 },
      { type: 'copyJson', revealed: true },
      { type: 'export', format: 'html' },
      { type: 'openLink' },
      { type: 'openLink', url: 'http://example.com' },
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'command:workbench.action.files.save' },
      { type: 'openLink', url: 'https://example.com', target: '_blank' },
      { type: '__proto__' },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('restores a record from saved state only when it is valid', () => {
    assert.deepEqual(recordFromSavedState({ record, sorts: {}, scrollY: 10 }), record);
    assert.equal(recordFromSavedState(undefined), undefined);
    assert.equal(recordFromSavedState({ record: { ...record, startedAt: 'yesterday' } }), undefined);
    assert.equal(recordFromSavedState({ record: { ...record, error: { kind: 'boom', message: 'x' } } }), undefined);
  });

  it('posts the record whole unless its data cannot become JSON', () => {
    assert.equal(recordForWebview(record), record);
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const posted = recordForWebview({ ...record, data: deep });
    assert.equal('data' in posted, false);
    assert.equal(posted.id, 'r1');
  });

  it('describes the show message', () => {
    const show = {
      type: 'show',
      record,
      model: { kind: 'null' },
      summary: [{ label: 'Alive', value: 'yes', tone: 'good' }],
      revealed: false,
      canReveal: false,
    };
    assert.equal(showMessageSchema().safeParse(show).success, true);
    assert.equal(showMessageSchema().safeParse({ ...show, model: 'x' }).success, false);
  });
});
