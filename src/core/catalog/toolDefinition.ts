import type { InputKind } from '../indicators/inputKind';
import type { FindingRule } from '../verdicts/findingRules';

// The scanner (the lowest layer) owns the kinds of input; tools take them.
export { INPUT_KINDS, type InputKind } from '../indicators/inputKind';

/**
 * A tool name is the last segment of the API path, so it must never be able to walk the
 * URL (no slashes, no ".."); the pattern also keeps it to something a person can type.
 */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export function isValidToolName(name: string): boolean {
  return TOOL_NAME_PATTERN.test(name) && !name.includes('..');
}

export interface ToolDefinition {
  /** The API path segment, e.g. "gl_ping". */
  name: string;
  /** Short name for menus, e.g. "Ping". */
  label: string;
  /** One line; claims no more than the API is known to do. */
  description: string;
  /** "Network", "Breach & leak", or a user's own. */
  category: string;
  /** The kind of input the tool is mainly for. */
  inputKind: InputKind;
  /** Every kind the tool can sensibly take (includes `inputKind`). */
  acceptedKinds: InputKind[];
  /** The body field the input string goes into. */
  primaryField: string;
  /** The JSON body for one input; `kind` is what was detected in it, when known. */
  buildBody(input: string, kind?: InputKind): Record<string, unknown>;
  source: 'builtin' | 'user';
  /** What counts as a finding in an answer (a diagnostic on each occurrence of the indicator). */
  findings?: readonly FindingRule[];
}

/** A `niamonx.tools` entry that cannot be used, with a reason a person can act on. */
export interface InvalidToolEntry {
  /** Position in the setting's array; -1 when the setting itself is malformed. */
  index: number;
  name?: string;
  reason: string;
}
