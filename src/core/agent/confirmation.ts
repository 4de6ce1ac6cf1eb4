import { plainTranslate, type Translate } from '../translate';

export { plainTranslate, type Translate };

export interface PlannedCalls {
  /** The API tool, e.g. gl_ping. */
  tool: string;
  /** Its name in menus, e.g. Ping. */
  label: string;
  /** What it runs on: one input, or each address of a batch. */
  inputs: readonly string[];
  /** API calls this invocation can spend at most (cached answers spend none). */
  calls: number;
}

export interface PreparedMessages {
  /** Shown while the tool runs. */
  invocationMessage: string;
  /** Present when the user must agree first: the tool, the input and the number of calls. */
  confirmation?: { title: string; message: string };
}

const MAX_SHOWN_INPUTS = 10;
const MAX_INPUT_CHARS = 120;

/**
 * What VS Code shows for a language-model tool before it runs. A call that spends quota asks
 * for consent (naming the tool, the input and the number of calls) unless the user turned
 * `niamonx.ai.confirmCalls` off; a call that spends nothing never asks.
 */
export function prepareMessages(planned: PlannedCalls, confirmCalls: boolean, t: Translate = plainTranslate): PreparedMessages {
  const shown = planned.inputs.slice(0, MAX_SHOWN_INPUTS).map(forDisplay);
  const more = planned.inputs.length - shown.length;
  const list = more > 0 ? t('{0} and {1} more', shown.join(', '), more) : shown.join(', ');
  const invocationMessage =
    planned.calls === 0
      ? t('NiamonX: nothing to call')
      : planned.inputs.length === 1
        ? t('NiamonX {0} on {1}', planned.label, list)
        : t('NiamonX {0} on {1} addresses', planned.label, planned.inputs.length);
  if (!confirmCalls || planned.calls === 0) return { invocationMessage };
  const title = t('Run NiamonX {0}?', planned.label);
  const cost =
    planned.calls === 1
      ? t('This makes 1 NiamonX API call, which counts against your quota (none if the answer is still cached).')
      : t('This makes up to {0} NiamonX API calls, which count against your quota (answers still cached cost nothing).', planned.calls);
  const message =
    planned.inputs.length === 1
      ? t('An AI agent wants to run {0} ({1}) on {2}.', planned.tool, planned.label, list)
      : t('An AI agent wants to run {0} ({1}) on {2} addresses: {3}.', planned.tool, planned.label, planned.inputs.length, list);
  const off = t('Turn off these questions with the setting niamonx.ai.confirmCalls.');
  return { invocationMessage, confirmation: { title, message: `${message} ${cost} ${off}` } };
}

/** One line, no control characters, and short: the input comes from a model and is shown to a person. */
function forDisplay(input: string): string {
  const line = input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > MAX_INPUT_CHARS ? `“${line.slice(0, MAX_INPUT_CHARS - 1)}…”` : `“${line}”`;
}
