import * as assert from 'node:assert/strict';
import { compareCells, sortedRowOrder } from '../../../src/core/render/cellOrder';
import type { RenderNode } from '../../../src/core/render/renderModel';

const num = (value: number): RenderNode => ({ kind: 'number', value });
const str = (value: string): RenderNode => ({ kind: 'string', value, long: false });
const missing: RenderNode = { kind: 'missing' };
const rowsOf = (...cells: RenderNode[]) => cells.map((cell) => [cell]);

describe('table sorting', () => {
  it('sorts numbers numerically, not as text', () => {
    assert.deepEqual(sortedRowOrder(rowsOf(num(10), num(9), num(100), num(-1)), 0, 'ascending'), [3, 1, 0, 2]);
    assert.deepEqual(sortedRowOrder(rowsOf(num(10), num(9), num(100), num(-1)), 0, 'descending'), [2, 0, 1, 3]);
  });

  it('sorts text by locale, numbers inside text naturally', () => {
    assert.deepEqual(sortedRowOrder(rowsOf(str('host10'), str('Host9'), str('alpha')), 0, 'ascending'), [2, 1, 0]);
  });

  it('is stable: equal cells keep their order in both directions', () => {
    const rows = [
      [num(1), str('a')],
      [num(0), str('b')],
      [num(1), str('c')],
      [num(1), str('d')],
    ];
    assert.deepEqual(sortedRowOrder(rows, 0, 'ascending'), [1, 0, 2, 3]);
    assert.deepEqual(sortedRowOrder(rows, 0, 'descending'), [0, 2, 3, 1]);
  });

  it('keeps empty cells last whichever the direction, and ranks numbers before text', () => {
    const rows = rowsOf(missing, str('b'), num(2), { kind: 'null' }, str('a'));
    assert.deepEqual(sortedRowOrder(rows, 0, 'ascending'), [2, 4, 1, 0, 3]);
    assert.deepEqual(sortedRowOrder(rows, 0, 'descending'), [1, 4, 2, 0, 3]);
  });

  it('orders false before true', () => {
    assert.ok(compareCells({ kind: 'boolean', value: false }, { kind: 'boolean', value: true }) < 0);
  });
});
