import * as assert from 'node:assert/strict';
import { flatten } from '../../../src/core/export/flatten';

describe('flatten', () => {
  it('turns nesting into dotted columns, in document order', () => {
    const columns = flatten({ a: { b: 1 }, list: [{ x: 1 }, { x: 2 }], s: 'text' });
    assert.deepEqual(Object.entries(columns), [
      ['a.b', '1'],
      ['list.0.x', '1'],
      ['list.1.x', '2'],
      ['s', 'text'],
    ]);
  });

  it('writes scalars as text: null empty, booleans and numbers as JSON would', () => {
    assert.deepEqual(flatten({ n: null, t: true, f: false, z: 0, big: 1e21, neg: -1.5 }), {
      n: '',
      t: 'true',
      f: 'false',
      z: '0',
      big: '1e+21',
      neg: '-1.5',
    });
  });

  it('keeps empty containers visible and skips undefined', () => {
    assert.deepEqual(flatten({ emails: [], meta: {}, gone: undefined }), { emails: '[]', meta: '{}' });
  });

  it('names a scalar root ""', () => {
    assert.deepEqual(flatten('pong'), { '': 'pong' });
    assert.deepEqual(flatten([]), { '': '[]' });
    assert.deepEqual(flatten(undefined), {});
  });

  it('starts every column with the prefix when one is given', () => {
    assert.deepEqual(flatten({ a: { b: 1 } }, 'data'), { 'data.a.b': '1' });
    assert.deepEqual(flatten('pong', 'data'), { data: 'pong' });
  });

  it('flattens a shared (not cyclic) object at each place it appears', () => {
    const shared = { v: 1 };
    assert.deepEqual(flatten({ a: shared, b: shared }), { 'a.v': '1', 'b.v': '1' });
  });

  it('marks a cycle instead of looping', () => {
    const cyclic: Record<string, unknown> = { v: 1 };
    cyclic.self = cyclic;
    assert.deepEqual(flatten(cyclic), { v: '1', self: '[circular]' });
  });

  it('keeps a top-level "__proto__" key as a column', () => {
    const columns = flatten(JSON.parse('{"__proto__":"x"}'));
    assert.deepEqual(Object.keys(columns), ['__proto__']);
    assert.equal(Object.getPrototypeOf(columns), Object.prototype);
  });

  it('handles 10,000 levels of nesting', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) value = { a: value };
    const columns = flatten(value);
    const [[path, text]] = Object.entries(columns);
    assert.equal(text, 'leaf');
    assert.equal(path.split('.').length, 10_000);
  });
});
