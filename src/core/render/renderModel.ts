import { isHttpsUrl } from './links';

/**
 * The results view's model: any JSON turned into plain data the webview turns into DOM.
 * Response shapes are undocumented and new tools appear, so nothing here knows a tool.
 */
export type ScalarNode =
  | { kind: 'string'; value: string; long: boolean }
  /** An https URL (see isHttpsUrl), shown as a link. */
  | { kind: 'link'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** No value: a table row without this column, or no data at all. */
  | { kind: 'missing' }
  /** Not JSON (bigint, NaN, undefined in an object, ...): shown as text. */
  | { kind: 'other'; text: string };

export interface ObjectEntry {
  key: string;
  value: RenderNode;
}

/** `open`: whether the UI shows a nested container expanded at first. */
export interface ObjectNode {
  kind: 'object';
  entries: ObjectEntry[];
  /** How many entries the object has; more than `entries.length` when capped. */
  totalEntries: number;
  open: boolean;
}

/** An array of objects: one column per key found in any row (first-seen order). */
export interface TableNode {
  kind: 'table';
  columns: string[];
  /** `rows[r][c]` is the value of `columns[c]` in row r (`missing` when the row lacks it). */
  rows: RenderNode[][];
  totalRows: number;
  open: boolean;
}

/** Any other array: scalars, or a mix. */
export interface ListNode {
  kind: 'list';
  items: RenderNode[];
  totalItems: number;
  open: boolean;
}

/** A part of the data left out of the view (too deep or too big); the editor shows it all. */
export interface CollapsedNode {
  kind: 'collapsed';
  reason: 'depth' | 'size';
  text: string;
}

export type ContainerNode = ObjectNode | TableNode | ListNode;
export type RenderNode = ScalarNode | ContainerNode | CollapsedNode;

export interface RenderOptions {
  /** Rows (array items, object entries) shown per container; the rest is counted, not shown. */
  maxRows?: number;
  /** Containers nested deeper than this are collapsed into a note. */
  maxDepth?: number;
  /** Containers expanded in total; past it, further containers are collapsed into a note. */
  maxNodes?: number;
}

/** 2,000 rows render and sort instantly in a webview; bigger arrays are for the editor. */
export const DEFAULT_MAX_ROWS = 2000;
/** Real answers nest 3-5 levels; 32 keeps the webview's DOM (and its recursion) shallow. */
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_NODES = 20_000;
/** More columns than this is not a table a person can read: shown as a list of objects. */
export const MAX_TABLE_COLUMNS = 40;
/** Strings longer than this are wrapped instead of kept on one line. */
export const LONG_STRING_LENGTH = 80;

export const DEPTH_NOTE = '… deeper levels collapsed (Open in Editor to see all)';
export const SIZE_NOTE = '… not shown: too much data for this view (Open in Editor to see all)';

/** A value still to turn into a node, and where to put the node. */
interface Pending {
  value: unknown;
  depth: number;
  place: (node: RenderNode) => void;
}

/**
 * Builds the model for any value without recursion (breadth first, so the node budget is spent
 * on the outer levels): deep or huge data cannot overflow the stack or stall the view.
 */
export function buildRenderModel(data: unknown, options: RenderOptions = {}): RenderNode {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let containersLeft = options.maxNodes ?? DEFAULT_MAX_NODES;

  let root: RenderNode = { kind: 'missing' };
  const queue: Pending[] = [{ value: data, depth: 0, place: (node) => (root = node) }];
  for (let next = 0; next < queue.length; next++) {
    const { value, depth, place } = queue[next];
    const scalar = scalarNode(value);
    if (scalar) {
      place(scalar);
    } else if (depth >= maxDepth) {
      place({ kind: 'collapsed', reason: 'depth', text: DEPTH_NOTE });
    } else if (containersLeft <= 0) {
      place({ kind: 'collapsed', reason: 'size', text: SIZE_NOTE });
    } else {
      containersLeft--;
      const later = (child: unknown, placeChild: (node: RenderNode) => void) =>
        queue.push({ value: child, depth: depth + 1, place: placeChild });
      place(containerNode(value as object, depth, maxRows, later));
    }
  }
  return root;
}

function scalarNode(value: unknown): ScalarNode | undefined {
  switch (typeof value) {
    case 'string':
      return isHttpsUrl(value) ? { kind: 'link', value } : { kind: 'string', value, long: value.length > LONG_STRING_LENGTH };
    case 'number':
      return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'other', text: String(value) };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'object':
      return value === null ? { kind: 'null' } : undefined;
    case 'undefined':
      return { kind: 'missing' };
    case 'bigint':
      return { kind: 'other', text: value.toString() };
    default:
      return { kind: 'other', text: `[${typeof value}]` };
  }
}

function containerNode(
  value: object,
  depth: number,
  maxRows: number,
  later: (child: unknown, place: (node: RenderNode) => void) => void,
): ContainerNode {
  if (!Array.isArray(value)) {
    const all = Object.entries(value);
    const entries = all.slice(0, maxRows).map(([key, child]): ObjectEntry => {
      const entry: ObjectEntry = { key, value: { kind: 'missing' } };
      later(child, (node) => (entry.value = node));
      return entry;
    });
    return { kind: 'object', entries, totalEntries: all.length, open: isOpen(depth, all.length) };
  }

  const shown = value.slice(0, maxRows);
  const columns = tableColumns(shown);
  if (columns) {
    const rows = shown.map((row: Record<string, unknown>) => {
      const cells: RenderNode[] = columns.map(() => ({ kind: 'missing' }));
      columns.forEach((column, c) => {
        if (Object.hasOwn(row, column)) later(row[column], (node) => (cells[c] = node));
      });
      return cells;
    });
    return { kind: 'table', columns, rows, totalRows: value.length, open: isOpen(depth, value.length) };
  }
  const items = shown.map((item, i): RenderNode => {
    later(item, (node) => (items[i] = node));
    return { kind: 'missing' };
  });
  return { kind: 'list', items, totalItems: value.length, open: isOpen(depth, value.length) };
}

/** The union of keys when every item is an object (and there are few enough), else undefined. */
function tableColumns(items: unknown[]): string[] | undefined {
  if (items.length === 0) return undefined;
  const columns = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    for (const key of Object.keys(item)) columns.add(key);
    if (columns.size > MAX_TABLE_COLUMNS) return undefined;
  }
  return columns.size > 0 ? [...columns] : undefined;
}

/** The first two levels are expanded; deeper containers only when small. */
function isOpen(depth: number, size: number): boolean {
  return depth <= 1 || size <= 4;
}
