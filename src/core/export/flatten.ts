/**
 * JSON data as dotted columns: `{a:{b:1}, list:[{x:1},{x:2}]}` becomes
 * `{"a.b": "1", "list.0.x": "1", "list.1.x": "2"}`, in document order.
 * With a prefix, every name starts with it (`flatten({a: 1}, 'data')` gives `data.a`).
 * A scalar root is one column named after the prefix (`""` without one); empty objects
 * and arrays stay visible as `{}` and `[]`; null becomes an empty cell; undefined
 * properties are skipped, as in JSON.
 * Iterative, so deeply nested data cannot overflow the call stack; an object met again
 * (only possible in non-JSON data) is written as `[circular]` instead of looping.
 */
export function flatten(value: unknown, prefix = ''): Record<string, string> {
  const columns: Record<string, string> = {};
  const open = new Set<object>();
  // Work items are pushed in reverse so they pop in document order.
  const stack: Array<{ path: string; value: unknown } | { leave: object }> = [{ path: prefix, value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if ('leave' in item) {
      open.delete(item.leave);
      continue;
    }
    const { path, value: current } = item;
    if (current === undefined) continue;
    if (current === null || typeof current !== 'object') {
      setOwn(columns, path, scalarText(current));
      continue;
    }
    if (open.has(current)) {
      setOwn(columns, path, '[circular]');
      continue;
    }
    const keys = Array.isArray(current) ? current.map((_, i) => String(i)) : Object.keys(current);
    if (keys.length === 0) {
      setOwn(columns, path, Array.isArray(current) ? '[]' : '{}');
      continue;
    }
    open.add(current);
    stack.push({ leave: current });
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      stack.push({ path: path === '' ? key : `${path}.${key}`, value: (current as Record<string, unknown>)[key] });
    }
  }
  return columns;
}

function scalarText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Objects never get here (they are flattened); symbols and functions only from non-JSON callers.
  return typeof value === 'symbol' ? value.toString() : '';
}

/** Plain assignment of a `__proto__` column would change the result's prototype. */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
