import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ShowMessage } from '../../../src/core/render/webviewMessages';
import type { ResultRecord } from '../../../src/core/record/resultRecord';
import { NOT_IN_MEMORY_NOTICE, ResultPanel, panelTitle } from '../../../src/vscode/results/resultPanel';
import type { ResultPanelActions } from '../../../src/vscode/results/panelActionsContract';

/** Just enough of a WebviewPanel: records what is posted, lets the test send messages. */
class FakePanel {
  title = '';
  posted: ShowMessage[] = [];
  private receive: (raw: unknown) => void = () => undefined;
  private disposed: () => void = () => undefined;
  private waiting: (() => void)[] = [];
  readonly webview = {
    postMessage: (message: ShowMessage) => {
      this.posted.push(message);
      for (const wake of this.waiting.splice(0)) wake();
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (listener: (raw: unknown) => void) => {
      this.receive = listener;
      return { dispose: () => (this.receive = () => undefined) };
    },
  };
  onDidDispose(listener: () => void) {
    this.disposed = listener;
    return { dispose: () => undefined };
  }
  send(raw: unknown) {
    this.receive(raw);
  }
  dispose() {
    this.disposed();
  }
  /** Resolves when the next message is posted. */
  nextPost(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

const secretRecord: ResultRecord = {
  id: 'r1',
  tool: 'ulp_search',
  toolLabel: 'ULP Search',
  input: 'alex@example.com',
  startedAt: 1_700_000_000_000,
  ok: true,
  status: 200,
  data: { stats: { total: 1 }, records: [{ url: 'https://login.example.com', pass: '••••' }] },
  redactedCount: 1,
};
const original = { stats: { total: 1 }, records: [{ url: 'https://login.example.com', pass: 'sunshine42' }] };

function setUp(overrides: Partial<ResultPanelActions> = {}) {
  const calls: unknown[][] = [];
  const actions: ResultPanelActions = {
    runAgain: (record) => calls.push(['runAgain', record.id]),
    exportRecord: (record, format) => calls.push(['export', record.id, format]),
    openInEditor: (record, revealed) => {
      calls.push(['openInEditor', record.id, revealed]);
    },
    copyJson: (record, revealed) => {
      calls.push(['copyJson', record.id, revealed]);
    },
    unredactedData: () => original,
    confirmReveal: () => Promise.resolve(true),
    ...overrides,
  };
  const fake = new FakePanel();
  const links: string[] = [];
  let disposed = false;
  const panel = new ResultPanel(
    fake as unknown as vscode.WebviewPanel,
    secretRecord,
    actions,
    (url) => links.push(url),
    () => (disposed = true),
  );
  return { fake, panel, calls, links, isDisposed: () => disposed };
}

const passOf = (message: ShowMessage) => {
  assert.equal(message.model.kind, 'object');
  const records = message.model.kind === 'object' ? message.model.entries.find((entry) => entry.key === 'records')?.value : undefined;
  assert.equal(records?.kind, 'table');
  return records?.kind === 'table' ? records.rows[0][records.columns.indexOf('pass')] : undefined;
};

describe('ResultPanel', () => {
  it('titles the panel and answers "ready" with the masked model', () => {
    const { fake } = setUp();
    assert.equal(fake.title, 'ULP Search: alex@example.com');
    fake.send({ type: 'ready' });
    const [message] = fake.posted;
    assert.equal(message.type, 'show');
    assert.equal(message.revealed, false);
    assert.equal(message.canReveal, true);
    assert.deepEqual(message.summary, [{ label: 'Total', value: '1' }]);
    assert.deepEqual(passOf(message), { kind: 'string', value: '••••', long: false });
  });

  it('passes the buttons to the actions with the current reveal state', () => {
    const { fake, calls, links } = setUp();
    for (const type of ['copyJson', 'runAgain', 'openInEditor']) fake.send({ type });
    fake.send({ type: 'export', format: 'csv' });
    fake.send({ type: 'openLink', url: 'https://login.example.com' });
    assert.deepEqual(calls, [
      ['copyJson', 'r1', false],
      ['runAgain', 'r1'],
      ['openInEditor', 'r1', false],
      ['export', 'r1', 'csv'],
    ]);
    assert.deepEqual(links, ['https://login.example.com']);
  });

  it('ignores messages outside the fixed set', () => {
    const { fake, calls, links } = setUp();
    for (const raw of [
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'runAgain', now: true },
      { type: 'eval' },
      'ready',
    ]) {
      fake.send(raw);
    }
    assert.deepEqual([calls, links, fake.posted], [[], [], []]);
  });

  it('reveals only after confirmation, never puts the original into the posted record, and hides again', async () => {
    const { fake, panel, calls } = setUp();
    let posted = fake.nextPost();
    fake.send({ type: 'toggleReveal' });
    await posted;
    const revealed = fake.posted[0];
    assert.equal(revealed.revealed, true);
    assert.deepEqual(passOf(revealed), { kind: 'string', value: 'sunshine42', long: false });
    assert.doesNotMatch(JSON.stringify(revealed.record), /sunshine42/);
    assert.doesNotMatch(JSON.stringify(revealed.summary), /sunshine42/);

    fake.send({ type: 'copyJson' });
    assert.deepEqual(calls, [['copyJson', 'r1', true]]);

    posted = fake.nextPost();
    fake.send({ type: 'toggleReveal' });
    await posted;
    assert.equal(panel.isRevealed, false);
    assert.deepEqual(passOf(fake.posted[1]), { kind: 'string', value: '••••', long: false });
  });

  it('stays masked when the user declines, and asks once per click', async () => {
    let asked = 0;
    let answer: (confirmed: boolean) => void = () => undefined;
    const { fake, panel } = setUp({
      confirmReveal: () => {
        asked++;
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
    });
    fake.send({ type: 'toggleReveal' });
    fake.send({ type: 'toggleReveal' }); // a second click while the dialog is open asks nothing more
    assert.equal(asked, 1);
    answer(false);
    await new Promise(setImmediate); // let the declined answer settle
    assert.equal(panel.isRevealed, false);
    assert.deepEqual(fake.posted, []);
    fake.send({ type: 'toggleReveal' });
    assert.equal(asked, 2);
  });

  it('says so when the original is no longer in memory', async () => {
    const { fake } = setUp({ unredactedData: () => undefined });
    const posted = fake.nextPost();
    fake.send({ type: 'toggleReveal' });
    await posted;
    assert.equal(fake.posted[0].revealed, false);
    assert.equal(fake.posted[0].notice, NOT_IN_MEMORY_NOTICE);
  });

  it('does not offer Reveal when nothing was masked', async () => {
    let asked = false;
    const { fake, panel } = setUp({ confirmReveal: () => ((asked = true), Promise.resolve(true)) });
    panel.show({ ...secretRecord, id: 'r2', redactedCount: 0 });
    assert.equal(fake.posted[0].canReveal, false);
    fake.send({ type: 'toggleReveal' });
    const posted = fake.nextPost();
    fake.send({ type: 'ready' });
    await posted;
    assert.equal(asked, false);
    assert.equal(fake.posted[1].revealed, false);
  });

  it('shows a new run masked again and reports its disposal', async () => {
    const { fake, panel, isDisposed } = setUp();
    const posted = fake.nextPost();
    fake.send({ type: 'toggleReveal' });
    await posted;
    panel.show({ ...secretRecord, id: 'r3' });
    assert.equal(fake.posted[1].revealed, false);
    assert.equal(fake.posted[1].record.id, 'r3');
    fake.dispose();
    assert.equal(isDisposed(), true);
  });

  it('shortens long inputs in the title', () => {
    const title = panelTitle({ ...secretRecord, toolLabel: undefined, input: `{\n  "value": "${'x'.repeat(100)}"\n}` });
    assert.ok(title.startsWith('ulp_search: { "value": "xxx'));
    assert.ok(title.endsWith('…'));
    assert.ok(title.length <= 'ulp_search: '.length + 40);
  });
});
