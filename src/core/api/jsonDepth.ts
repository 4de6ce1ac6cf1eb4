/**
 * How deep JSON-like data may nest before the extension refuses it.
 *
 * Real NiamonX answers nest a handful of levels. Data nested thousands of levels deep
 * cannot be handled safely downstream: `JSON.stringify` (our log line, exports, the cache
 * key) and, out of our reach, VS Code's own serialisation of globalState and webview
 * messages all recurse and overflow the stack. So depth is checked once, iteratively, where
 * data enters (the API answer, a public-API body) and absurd nesting is refused there;
 * everything after that boundary may recurse. 256 is far above any real answer and far
 * below any stack limit.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * True when `value` nests deeper than `limit` (objects and arrays count one level each).
 * Iterative, with an explicit stack, and stops at the first path over the limit, so a
 * 100,000-level answer costs at most `limit` steps down one path.
 */
export function nestsDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  const seen = new Set<object>();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    if (depth + 1 > limit) return true;
    seen.add(current);
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
