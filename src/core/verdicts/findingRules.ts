import { plainTranslate, type Translate } from '../translate';
import * as z from 'zod/mini';
import { lazy } from '../lazy';

export const FINDING_CONDITIONS = ['equals', 'in', 'nonEmpty', 'greaterThan'] as const;
export const FINDING_SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * A field path: keys joined by dots; `[]` after a key means "any element of this array"
 * (`records[].pass`). Keys are plain names, so a path never walks anything but own data.
 */
const PATH_PATTERN = /^[A-Za-z0-9_$-]{1,64}(?:\[\])?(?:\.[A-Za-z0-9_$-]{1,64}(?:\[\])?){0,7}$/;
const scalar = () => z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean(), z.null()]);

/**
 * What counts as a finding in a tool's answer, as data on its definition (built-in tools and
 * `niamonx.tools` entries alike): when the value at `path` meets `condition`, the indicator gets
 * a diagnostic with `severity` and `message` (`{value}` in it is replaced by the value found).
 */
export const findingRuleSchema = lazy((): z.ZodMiniType<FindingRule> =>
  z
    .strictObject(
      {
        path: z
          .string({ error: 'must be a string' })
          .check(z.regex(PATH_PATTERN, 'must be keys joined by "." (up to 8), each optionally followed by "[]"')),
        condition: z.enum(FINDING_CONDITIONS, { error: `must be one of ${FINDING_CONDITIONS.join(', ')}` }),
        value: z.optional(z.union([scalar(), z.array(scalar()).check(z.maxLength(50))])),
        severity: z.optional(z.enum(FINDING_SEVERITIES, { error: `must be one of ${FINDING_SEVERITIES.join(', ')}` })),
        message: z
          .string({ error: 'must be a string' })
          .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : 'must be an object') },
    )
    .check(
      z.refine((rule) => conditionFits(rule.condition, rule.value), {
        error: '"value" must be a list for "in", a number for "greaterThan", a value for "equals", and absent for "nonEmpty"',
      }),
    ),
);

type Scalar = string | number | boolean | null;

/** Written out (not inferred) so the schema's refinement can name its parts. */
export interface FindingRule {
  path: string;
  condition: (typeof FINDING_CONDITIONS)[number];
  value?: Scalar | Scalar[];
  severity?: FindingSeverity;
  message: string;
}

export const MAX_FINDING_RULES = 20;

export const findingRulesSchema = lazy(() =>
  z.array(findingRuleSchema()).check(z.maxLength(MAX_FINDING_RULES, `must have at most ${MAX_FINDING_RULES} rules`)),
);

/** A rule met by an answer. */
export interface Finding {
  severity: FindingSeverity;
  message: string;
}

/** Values looked at per rule at most: a hostile answer with a million records costs no more than this. */
export const MAX_VALUES_PER_RULE = 10_000;
const MAX_SHOWN_VALUE = 60;

/**
 * The findings of one answer, in rule order, one per rule at most. Linear in the values the paths
 * reach (bounded by MAX_VALUES_PER_RULE per rule), no recursion, no regular expressions on the
 * answer: safe on hostile answers. Give it the redacted answer: a message may quote the value.
 */
export function evaluateFindings(rules: readonly FindingRule[] | undefined, data: unknown, t: Translate = plainTranslate): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules ?? []) {
    try {
      const hit = firstMatch(rule, data);
      if (hit.matched)
        findings.push({ severity: rule.severity ?? 'warning', message: messageOf(builtinMessage(rule.message, t), hit.value) });
    } catch {
      // A getter that throws (hostile data through the public API): that rule finds nothing.
    }
  }
  return findings;
}

function firstMatch(rule: FindingRule, data: unknown): { matched: boolean; value?: unknown } {
  // Each level holds at most MAX_VALUES_PER_RULE values: at most 8 levels of that much work.
  let level: unknown[] = [data];
  for (const segment of rule.path.split('.')) {
    const spread = segment.endsWith('[]');
    const key = spread ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (let v = 0; v < level.length && next.length < MAX_VALUES_PER_RULE; v++) {
      const child = ownField(level[v], key);
      if (child === undefined) continue;
      if (!spread) next.push(child);
      else if (Array.isArray(child)) {
        for (let i = 0; i < child.length && next.length < MAX_VALUES_PER_RULE; i++) next.push(child[i]);
      }
    }
    level = next;
    if (level.length === 0) break;
  }
  for (const value of level) if (meets(rule, value)) return { matched: true, value };
  return { matched: false };
}

function meets(rule: FindingRule, value: unknown): boolean {
  switch (rule.condition) {
    case 'nonEmpty':
      return isNonEmpty(value);
    case 'greaterThan':
      return typeof value === 'number' && typeof rule.value === 'number' && value > rule.value;
    case 'equals':
      return same(value, rule.value);
    case 'in':
      return Array.isArray(rule.value) && rule.value.some((option) => same(value, option));
    default:
      return false;
  }
}

/** Strings compare without regard to case ("High" is "high"); other scalars exactly. */
function same(value: unknown, expected: unknown): boolean {
  if (typeof value === 'string' && typeof expected === 'string') return value.toLowerCase() === expected.toLowerCase();
  return value === expected;
}

/** A masked empty secret (`•••••• (0 chars)`, see record/redact) is as empty as the password it hides. */
const MASKED_EMPTY = '•••••• (0 chars)';

function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '' && value !== MASKED_EMPTY;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function conditionFits(condition: string, value: unknown): boolean {
  if (condition === 'nonEmpty') return value === undefined;
  if (condition === 'in') return Array.isArray(value);
  if (condition === 'greaterThan') return typeof value === 'number';
  return value !== undefined && !Array.isArray(value);
}

/** The built-in rules' messages in the user's language; a user's own message stays as written. */
function builtinMessage(message: string, t: Translate): string {
  if (message === BREACH_RISK_FINDING.message) return t('Breach risk {value}');
  if (message === ULP_CREDENTIALS_FINDING.message) return t('Credentials exposed: leak records with passwords');
  return message;
}

function messageOf(template: string, value: unknown): string {
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const shown = text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}…` : text;
  return template.split('{value}').join(shown);
}

function ownField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The built-in tools' findings. */
export const BREACH_RISK_FINDING: FindingRule = Object.freeze({
  path: 'risk.level',
  condition: 'in',
  value: ['high', 'critical'],
  severity: 'warning',
  message: 'Breach risk {value}',
});

export const ULP_CREDENTIALS_FINDING: FindingRule = Object.freeze({
  path: 'records[].pass',
  condition: 'nonEmpty',
  severity: 'error',
  message: 'Credentials exposed: leak records with passwords',
});
