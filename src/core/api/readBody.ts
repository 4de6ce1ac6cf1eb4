import { ToolCallError } from '../errors';
import { t } from '../localText';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BodyText {
  text: string;
  /** The stream ended early (connection dropped mid-body). */
  truncated: boolean;
}

/**
 * Reads a response body as UTF-8, refusing bodies above `maxBytes` so a runaway answer
 * cannot exhaust the extension host's memory.
 */
export async function readBodyCapped(response: Response, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response.status, maxBytes);
  }
  if (!response.body) return { text: '', truncated: false };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(response.status, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ToolCallError) throw error;
    // An abort is the caller's business (timeout/cancel); anything else is a body cut short.
    if (isAbortError(error)) throw error;
    truncated = true;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function tooLarge(status: number, maxBytes: number): ToolCallError {
  return new ToolCallError(
    'bad-response',
    t(
      'The answer from NiamonX (HTTP {0}) is larger than {1} MB and was not read. Narrow the query (for example a lower limit).',
      status,
      Math.round(maxBytes / 1024 / 1024),
    ),
    status,
  );
}
