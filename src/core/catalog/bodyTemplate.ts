/** The placeholder a user tool's body template uses for the input. */
export const INPUT_PLACEHOLDER = '${input}';

/** True when some string value (at any depth, keys excluded) mentions the placeholder. */
export function containsPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(INPUT_PLACEHOLDER);
  if (Array.isArray(value)) return value.some(containsPlaceholder);
  if (isPlainObject(value)) return Object.values(value).some(containsPlaceholder);
  return false;
}

/**
 * A copy of `template` with the input put in every string value that mentions the
 * placeholder. Works on the parsed object, never on JSON text, so no input (quotes,
 * braces, `$&`…) can change the body's shape.
 */
export function fillTemplate(template: Record<string, unknown>, input: string): Record<string, unknown> {
  return fillValue(template, input) as Record<string, unknown>;
}

function fillValue(value: unknown, input: string): unknown {
  // split/join rather than String.replace: replace() would interpret `$&`, `$'`… in the input.
  if (typeof value === 'string') return value.split(INPUT_PLACEHOLDER).join(input);
  if (Array.isArray(value)) return value.map((item) => fillValue(item, input));
  // fromEntries defines own properties, so even a "__proto__" key stays plain data.
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillValue(item, input)]));
  return value;
}

/** The top-level field the input lands in: an exact placeholder first, else the first mention. */
export function primaryFieldOf(template: Record<string, unknown>): string | undefined {
  const entries = Object.entries(template);
  return entries.find(([, value]) => value === INPUT_PLACEHOLDER)?.[0] ?? entries.find(([, value]) => containsPlaceholder(value))?.[0];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
