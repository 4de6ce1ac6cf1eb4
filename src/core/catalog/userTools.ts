import * as z from 'zod/mini';
import { nestsDeeperThan } from '../api/jsonDepth';
import { lazy } from '../lazy';
import { containsPlaceholder, fillTemplate, INPUT_PLACEHOLDER, primaryFieldOf } from './bodyTemplate';
import { findingRulesSchema } from '../verdicts/findingRules';
import { INPUT_KINDS, isValidToolName, type InputKind, type InvalidToolEntry, type ToolDefinition } from './toolDefinition';

/** More than this many entries is a pasted list gone wrong, not a tool menu. */
export const MAX_USER_TOOLS = 100;
export const DEFAULT_USER_CATEGORY = 'Custom';
export const DEFAULT_USER_INPUT_KIND: InputKind = 'text';
export const DEFAULT_USER_BODY: Readonly<Record<string, unknown>> = Object.freeze({ value: INPUT_PLACEHOLDER });

const SETTING = 'niamonx.tools';

/** One `niamonx.tools` entry as written in settings.json. Unknown keys are rejected so typos show. */
export const userToolEntrySchema = lazy(() =>
  z.strictObject(
    {
      name: z
        .string({ error: 'must be a string' })
        .check(
          z.refine(
            isValidToolName,
            'must be 1–64 letters, digits, "_", "." or "-", start with a letter, digit or "_", and contain no ".."',
          ),
        ),
      label: z.optional(
        z
          .string({ error: 'must be a string' })
          .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(80, 'must be at most 80 characters')),
      ),
      description: z.optional(z.string({ error: 'must be a string' }).check(z.trim(), z.maxLength(300, 'must be at most 300 characters'))),
      category: z.optional(
        z
          .string({ error: 'must be a string' })
          .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(60, 'must be at most 60 characters')),
      ),
      inputKind: z.optional(z.enum(INPUT_KINDS, { error: `must be one of ${INPUT_KINDS.join(', ')}` })),
      body: z.optional(
        z
          .record(z.string(), z.json(), { error: 'must be a JSON object' })
          .check(z.refine(containsPlaceholder, `must contain the placeholder ${INPUT_PLACEHOLDER} in at least one string value`)),
      ),
      findings: z.optional(findingRulesSchema()),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : 'must be an object') },
  ),
);

export type UserToolEntry = z.infer<ReturnType<typeof userToolEntrySchema>>;

/** The entry object itself is one level; real templates are flat or nearly so. */
const MAX_TEMPLATE_DEPTH = 33;

/**
 * Reads the `niamonx.tools` setting. Each entry stands or falls alone; the ones that fall
 * are reported with a reason and never become usable tools.
 */
export function parseUserTools(setting: unknown): { tools: ToolDefinition[]; invalid: InvalidToolEntry[] } {
  const tools: ToolDefinition[] = [];
  const invalid: InvalidToolEntry[] = [];
  if (setting === undefined || setting === null) return { tools, invalid };
  if (!Array.isArray(setting)) {
    invalid.push({ index: -1, reason: `${SETTING}: must be an array of tool objects` });
    return { tools, invalid };
  }
  const seen = new Set<string>();
  setting.forEach((entry: unknown, index) => {
    const name = nameOf(entry);
    const at = `${SETTING}[${index}]`;
    if (index >= MAX_USER_TOOLS) {
      invalid.push(withName({ index, reason: `${at}: ignored, only the first ${MAX_USER_TOOLS} tools are used` }, name));
      return;
    }
    // Checked first, iteratively: the schema and the template walk recurse, and a body nested
    // thousands of levels (a hostile workspace's settings) would overflow them and break activation.
    if (nestsDeeperThan(entry, MAX_TEMPLATE_DEPTH)) {
      invalid.push(withName({ index, reason: `${at}.body: nests more than ${MAX_TEMPLATE_DEPTH - 1} levels deep` }, name));
      return;
    }
    const parsed = userToolEntrySchema().safeParse(entry);
    if (!parsed.success) {
      invalid.push(withName({ index, reason: describeIssues(at, parsed.error) }, name));
      return;
    }
    if (seen.has(parsed.data.name)) {
      invalid.push({ index, name: parsed.data.name, reason: `${at}.name: "${parsed.data.name}" is already defined by an earlier entry` });
      return;
    }
    seen.add(parsed.data.name);
    tools.push(toDefinition(parsed.data));
  });
  return { tools, invalid };
}

function toDefinition(entry: UserToolEntry): ToolDefinition {
  const template = entry.body ?? DEFAULT_USER_BODY;
  const inputKind = entry.inputKind ?? DEFAULT_USER_INPUT_KIND;
  return {
    name: entry.name,
    label: entry.label ?? entry.name,
    description: entry.description || `User-defined tool (POST ${entry.name})`,
    category: entry.category ?? DEFAULT_USER_CATEGORY,
    inputKind,
    // A free-text tool can be handed anything; a typed one only its own kind.
    acceptedKinds: inputKind === 'text' ? [...INPUT_KINDS] : [inputKind],
    primaryField: primaryFieldOf(template) ?? 'value',
    buildBody: (input: string) => fillTemplate(template, input),
    source: 'user',
    ...(entry.findings?.length ? { findings: entry.findings } : {}),
  };
}

function describeIssues(at: string, error: z.core.$ZodError): string {
  return error.issues.map((issue) => `${at}${issue.path.map((key) => `.${String(key)}`).join('')}: ${issue.message}`).join('; ');
}

function nameOf(entry: unknown): string | undefined {
  const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name ? name.slice(0, 64) : undefined;
}

function withName(entry: InvalidToolEntry, name: string | undefined): InvalidToolEntry {
  return name === undefined ? entry : { ...entry, name };
}
