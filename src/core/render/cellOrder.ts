import type { RenderNode } from './renderModel';

export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator(undefined, { numeric: true });

/** Kinds that compare with each other, in the order they sort; empty cells always go last. */
function rankOf(node: RenderNode): number {
  switch (node.kind) {
    case 'number':
      return 0;
    case 'string':
    case 'link':
    case 'other':
      return 1;
    case 'boolean':
      return 2;
    case 'null':
    case 'missing':
      return 4;
    default:
      return 3;
  }
}

function textOf(node: RenderNode): string {
  if (node.kind === 'string' || node.kind === 'link') return node.value;
  return node.kind === 'other' ? node.text : '';
}

/** Numbers numerically, text by locale (numeric-aware), false before true; containers tie. */
export function compareCells(a: RenderNode, b: RenderNode): number {
  const rank = rankOf(a) - rankOf(b);
  if (rank !== 0) return rank;
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  if (a.kind === 'boolean' && b.kind === 'boolean') return Number(a.value) - Number(b.value);
  return collator.compare(textOf(a), textOf(b));
}

const isEmpty = (node: RenderNode | undefined) => node === undefined || rankOf(node) === 4;

/**
 * The order to show table rows in when sorted by one column: a stable sort (equal cells keep
 * their original order) that keeps empty cells at the end in both directions.
 */
export function sortedRowOrder(rows: readonly (readonly RenderNode[])[], column: number, direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((_, index) => index)
    .sort((i, j) => {
      const a = rows[i][column];
      const b = rows[j][column];
      const emptyOrder = Number(isEmpty(a)) - Number(isEmpty(b));
      if (emptyOrder !== 0 || isEmpty(a)) return emptyOrder || i - j;
      return sign * compareCells(a, b) || i - j;
    });
}
