import type { InputKind, ToolDefinition } from '../catalog/toolDefinition';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../api/jsonDepth';
import { ToolCallError } from '../errors';
import { maskRequestBody } from '../record/requestBody';
import { detectInSelection } from '../indicators/detectTarget';
import { MAX_INPUT_CHARS } from '../indicators/inputLimits';
import { t, type LocalText } from '../localText';

export interface ResolvedInput {
  /** The JSON body to send. */
  body: Record<string, unknown>;
  /** What the user ran the tool on, for titles, logs and history. */
  display: string;
}

/** "Select {kind} or type one": each kind in a sentence of its own, so it translates as a whole. */
const NOTHING_TO_RUN: Record<InputKind, (label: string) => LocalText> = {
  ip: (label) => t('Nothing to run {0} on: select an IPv4 or IPv6 address or type one.', label),
  email: (label) => t('Nothing to run {0} on: select an email address or type one.', label),
  domain: (label) => t('Nothing to run {0} on: select a domain name or type one.', label),
  username: (label) => t('Nothing to run {0} on: select a user name or type one.', label),
  phone: (label) => t('Nothing to run {0} on: select a phone number or type one.', label),
  text: (label) => t('Nothing to run {0} on: select some text or type one.', label),
};

/**
 * Turns what the caller gave (a string from a selection or input box, or a ready body)
 * into the body for `tool`. Invalid input fails here, locally, before any request.
 */
export function resolveInput(toolName: string, tool: ToolDefinition | undefined, input: string | object): ResolvedInput {
  if (typeof input === 'object' && input !== null) {
    if (Array.isArray(input)) throw new ToolCallError('validation', t('The request body must be a JSON object, not an array.'));
    if (nestsDeeperThan(input))
      throw new ToolCallError('validation', t('The request body nests more than {0} levels deep; nothing was sent.', MAX_JSON_DEPTH));
    const body = input as Record<string, unknown>;
    bodyJson(body);
    // What is shown comes from the masked body: a password in it must not reach a title or a log.
    const shown = maskRequestBody(body).body;
    const primary = tool ? shown[tool.primaryField] : undefined;
    const json = bodyJson(shown);
    return { body, display: typeof primary === 'string' ? primary : json.length > 120 ? `${json.slice(0, 120)}…` : json };
  }
  const text = String(input ?? '').trim();
  refuseHiddenCharacters(text);
  if (!text)
    throw new ToolCallError(
      'validation',
      tool ? NOTHING_TO_RUN[tool.inputKind](tool.label) : t('Nothing to run {0} on: select a value or type one.', toolName),
    );
  if (!tool) return { body: { value: text }, display: text };
  const value = valueForKind(tool, text);
  const target = detectInSelection(value);
  return { body: tool.buildBody(value, target.inputKind), display: value };
}

export { MAX_INPUT_CHARS };

/**
 * Control characters (NUL, escape…), bidirectional overrides (U+202E, U+2066…) and
 * zero-width characters make what is sent differ from what the user sees: refused locally,
 * so none of them ever reaches the wire. Tabs and line breaks are plain whitespace.
 */

const HIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;

function refuseHiddenCharacters(text: string): void {
  if (text.length > MAX_INPUT_CHARS) {
    throw new ToolCallError(
      'validation',
      t(
        'The input is {0} characters long; NiamonX inputs are at most {1}. Select just the value to look up.',
        text.length.toLocaleString('en'),
        MAX_INPUT_CHARS.toLocaleString('en'),
      ),
    );
  }
  const hidden = HIDDEN_CHARACTERS.exec(text);
  if (hidden) {
    const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ToolCallError(
      'validation',
      t(
        'The input contains an invisible or control character ({0}) that would be sent without you seeing it; nothing was sent. Retype the value.',
        code,
      ),
    );
  }
}

function valueForKind(tool: ToolDefinition, text: string): string {
  const target = detectInSelection(text);
  const wanted = tool.inputKind;
  if (wanted === 'ip') {
    if (target.inputKind === 'ip') return target.ip?.network ?? target.value;
    throw new ToolCallError('validation', t('“{0}” is not an IP address; {1} takes an IPv4 or IPv6 address.', short(text), tool.label));
  }
  if (wanted === 'email' || wanted === 'domain') {
    if (target.inputKind === wanted) return target.value;
    if (!tool.acceptedKinds.includes(target.inputKind)) {
      throw new ToolCallError(
        'validation',
        wanted === 'email'
          ? t('“{0}” is not an email address; {1} takes an email address.', short(text), tool.label)
          : t('“{0}” is not a domain name; {1} takes a domain name.', short(text), tool.label),
      );
    }
  }
  // Free-form tools take the detected value when the text is one clean target, else the text itself.
  return target.kind === 'text' ? text : target.value;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function bodyJson(body: object): string {
  try {
    return JSON.stringify(body);
  } catch {
    // A cycle or a BigInt: not something that can be sent as JSON.
    throw new ToolCallError(
      'validation',
      t('The request body is not plain JSON data (a cycle or a value JSON cannot hold); nothing was sent.'),
    );
  }
}
