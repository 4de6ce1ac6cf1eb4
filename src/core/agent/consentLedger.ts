/** How many prepared-but-not-invoked questions are remembered (a declined one is never invoked). */
const MAX_PENDING = 256;

/**
 * Remembers which agent invocations the user was asked about when VS Code prepared them, so
 * `invoke` can decide consent again: a tool that was cooling down at prepare time needed no
 * question, but may spend quota by the time it is invoked; such a call is refused, not sent.
 */
export class ConsentLedger {
  private readonly pending: string[] = [];

  /** The user is being asked about this tool and input (prepareInvocation returned a question). */
  asked(tool: string, input: unknown): void {
    this.pending.push(keyOf(tool, input));
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** True once per question asked about this tool and input; VS Code invokes only after a Yes. */
  take(tool: string, input: unknown): boolean {
    const index = this.pending.indexOf(keyOf(tool, input));
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }
}

function keyOf(tool: string, input: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(input) ?? '';
  } catch {
    json = '';
  }
  // Inputs are capped by their schemas; a huge one is only compared by its start and length.
  return `${tool}\u0000${json.length}\u0000${json.slice(0, 4096)}`;
}

/** The model-facing refusal when a call would spend quota that the user was never asked about. */
export function notAskedMessage(tool: string): string {
  return (
    `consent: the user was not asked to agree to this call of ${tool} (when it was prepared it would have spent nothing). ` +
    'Nothing was sent. Call the tool again so that the user can be asked.'
  );
}
