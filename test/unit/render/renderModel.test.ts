import * as assert from 'node:assert/strict';
import { DEPTH_NOTE, MAX_TABLE_COLUMNS, SIZE_NOTE, buildRenderModel, type RenderNode } from '../../../src/core/render/renderModel';

/** The node at the end of `path` (keys for objects, [row, column] pairs are not needed here). */
function walk(node: RenderNode, ...path: (string | number)[]): RenderNode {
  let current = node;
  for (const step of path) {
    if (current.kind === 'object' && typeof step === 'string') {
      const entry = current.entries.find((candidate) => candidate.key === step);
      assert.ok(entry, `no key ${step}`);
      current = entry.value;
    } else if (current.kind === 'list' && typeof step === 'number') {
      current = current.items[step];
    } else {
      assert.fail(`cannot step ${String(step)} into ${current.kind}`);
    }
  }
  return current;
}

function nested(levels: number, makeLevel: (inner: unknown) => unknown): unknown {
  let data: unknown = 'bottom';
  for (let i = 0; i < levels; i++) data = makeLevel(data);
  return data;
}

function depthOfCollapse(node: RenderNode): { depth: number; leaf: RenderNode } {
  let depth = 0;
  let current = node;
  while (current.kind === 'object' || current.kind === 'list') {
    current = current.kind === 'object' ? current.entries[0].value : current.items[0];
    depth++;
  }
  return { depth, leaf: current };
}

describe('buildRenderModel', () => {
  it('turns an object into key/value entries in order, with scalars styled by type', () => {
    const model = buildRenderModel({ ip: '1.1.1.1', alive: true, packet_loss: 0, host: null });
    assert.equal(model.kind, 'object');
    assert.deepEqual(model.kind === 'object' && model.entries.map((entry) => [entry.key, entry.value]), [
      ['ip', { kind: 'string', value: '1.1.1.1', long: false }],
      ['alive', { kind: 'boolean', value: true }],
      ['packet_loss', { kind: 'number', value: 0 }],
      ['host', { kind: 'null' }],
    ]);
  });

  it('marks long strings so the view wraps them', () => {
    const model = buildRenderModel({ short: 'a', long: 'x'.repeat(500) });
    assert.deepEqual(walk(model, 'short'), { kind: 'string', value: 'a', long: false });
    assert.equal((walk(model, 'long') as { long: boolean }).long, true);
  });

  it('shows an array of objects as a table whose columns are the union of keys, first seen first', () => {
    const model = buildRenderModel([
      { seq: 1, ttl: 57 },
      { seq: 2, rtt_ms: 9.5 },
      { note: 'x', seq: 3 },
    ]);
    assert.equal(model.kind, 'table');
    if (model.kind !== 'table') return;
    assert.deepEqual(model.columns, ['seq', 'ttl', 'rtt_ms', 'note']);
    assert.equal(model.totalRows, 3);
    assert.deepEqual(model.rows[1], [
      { kind: 'number', value: 2 },
      { kind: 'missing' },
      { kind: 'number', value: 9.5 },
      { kind: 'missing' },
    ]);
    assert.deepEqual(model.rows[2][3], { kind: 'string', value: 'x', long: false });
  });

  it('keeps nested values inside table cells and marks small ones open', () => {
    const model = buildRenderModel({
      records: [{ source: { name: 'Demo', breach_date: '2019-01-01' }, fields: ['email', 'password'] }],
    });
    const records = walk(model, 'records');
    assert.equal(records.kind, 'table');
    if (records.kind !== 'table') return;
    const [source, fields] = records.rows[0];
    assert.equal(source.kind, 'object');
    assert.equal(source.kind === 'object' && source.open, true);
    assert.deepEqual(fields, {
      kind: 'list',
      items: [
        { kind: 'string', value: 'email', long: false },
        { kind: 'string', value: 'password', long: false },
      ],
      totalItems: 2,
      open: true,
    });
  });

  it('shows arrays of scalars and mixed arrays as lists', () => {
    assert.equal(buildRenderModel([1, 'two', false]).kind, 'list');
    const mixed = buildRenderModel([{ a: 1 }, 2]);
    assert.equal(mixed.kind, 'list');
    assert.equal(walk(mixed, 0).kind, 'object');
    assert.deepEqual(buildRenderModel([]), { kind: 'list', items: [], totalItems: 0, open: true });
  });

  it('collapses deeper containers that are big, keeps the first levels open', () => {
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const model = buildRenderModel({ level1: { level2: big } });
    assert.equal((model as { open: boolean }).open, true);
    assert.equal((walk(model, 'level1') as { open: boolean }).open, true);
    assert.equal((walk(model, 'level1', 'level2') as { open: boolean }).open, false);
  });

  it('turns only https URLs into links', () => {
    const model = buildRenderModel({
      ok: 'https://example.com/a?b=c',
      http: 'http://example.com',
      js: 'javascript:alert(1)',
      command: 'command:workbench.action.files.save',
      data: 'data:text/html,<b>x</b>',
      spaced: 'https://example.com/ x',
    });
    assert.deepEqual(walk(model, 'ok'), { kind: 'link', value: 'https://example.com/a?b=c' });
    for (const key of ['http', 'js', 'command', 'data', 'spaced']) assert.equal(walk(model, key).kind, 'string', key);
  });

  for (const levels of [1000, 5000]) {
    it(`survives ${levels} levels of nested objects and arrays, collapsing past maxDepth`, () => {
      for (const makeLevel of [(inner: unknown) => ({ a: inner }), (inner: unknown) => [inner]]) {
        const model = buildRenderModel(nested(levels, makeLevel));
        const { depth, leaf } = depthOfCollapse(model);
        assert.equal(depth, 32);
        assert.deepEqual(leaf, { kind: 'collapsed', reason: 'depth', text: DEPTH_NOTE });
      }
    });
  }

  it('honours a smaller maxDepth and shows shallow data whole', () => {
    assert.equal(
      depthOfCollapse(
        buildRenderModel(
          nested(10, (inner) => ({ a: inner })),
          { maxDepth: 3 },
        ),
      ).depth,
      3,
    );
    assert.deepEqual(depthOfCollapse(buildRenderModel(nested(5, (inner) => ({ a: inner })))).leaf, {
      kind: 'string',
      value: 'bottom',
      long: false,
    });
  });

  it('caps huge arrays at maxRows (default 2,000) but counts every row', () => {
    const rows = Array.from({ length: 10_000 }, (_, seq) => ({ seq, ttl: 57, rtt_ms: seq / 10 }));
    const model = buildRenderModel(rows);
    assert.equal(model.kind, 'table');
    if (model.kind !== 'table') return;
    assert.equal(model.rows.length, 2000);
    assert.equal(model.totalRows, 10_000);
    assert.deepEqual(model.rows[1999][0], { kind: 'number', value: 1999 });

    const all = buildRenderModel(rows, { maxRows: Infinity });
    assert.equal(all.kind === 'table' && all.rows.length, 10_000);
    const list = buildRenderModel(
      Array.from({ length: 5000 }, (_, i) => i),
      { maxRows: 10 },
    );
    assert.equal(list.kind === 'list' && `${list.items.length}/${list.totalItems}`, '10/5000');
  });

  it('caps the entries of huge objects the same way', () => {
    const model = buildRenderModel(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])), { maxRows: 5 });
    assert.equal(model.kind === 'object' && `${model.entries.length}/${model.totalEntries}`, '5/50');
  });

  it('stops expanding containers once the node budget is spent', () => {
    const model = buildRenderModel(
      Array.from({ length: 100 }, () => [1, 2]),
      { maxNodes: 11 },
    );
    assert.equal(model.kind, 'list');
    if (model.kind !== 'list') return;
    assert.equal(model.items.filter((item) => item.kind === 'list').length, 10);
    assert.deepEqual(model.items[10], { kind: 'collapsed', reason: 'size', text: SIZE_NOTE });
  });

  it('shows objects with too many distinct keys as a list rather than a huge table', () => {
    const rows = Array.from({ length: MAX_TABLE_COLUMNS + 1 }, (_, i) => ({ [`key${i}`]: i }));
    assert.equal(buildRenderModel(rows).kind, 'list');
    assert.equal(buildRenderModel(rows.slice(0, MAX_TABLE_COLUMNS)).kind, 'table');
  });

  it('keeps keys like __proto__ as plain data', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "rows": [{"__proto__": 1, "constructor": 2}]}');
    const model = buildRenderModel(data);
    assert.equal(walk(model, '__proto__').kind, 'object');
    const rows = walk(model, 'rows');
    assert.deepEqual(rows.kind === 'table' && rows.columns, ['__proto__', 'constructor']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('shows values that are not JSON as text instead of throwing', () => {
    const model = buildRenderModel({ big: 10n, nan: NaN, none: undefined, fn: () => 1 });
    assert.deepEqual(walk(model, 'big'), { kind: 'other', text: '10' });
    assert.deepEqual(walk(model, 'nan'), { kind: 'other', text: 'NaN' });
    assert.deepEqual(walk(model, 'none'), { kind: 'missing' });
    assert.deepEqual(walk(model, 'fn'), { kind: 'other', text: '[function]' });
    assert.deepEqual(buildRenderModel(undefined), { kind: 'missing' });
  });

  it('survives cyclic input', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    cyclic.name = 'loop';
    assert.equal(depthOfCollapse(buildRenderModel(cyclic)).leaf.kind, 'collapsed');
  });
});
