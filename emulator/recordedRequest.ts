/** One request as the emulator saw it. The API key is kept only as its SHA-256 hash. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. "/api/v2/gl_ping". */
  path: string;
  /** Set for tool paths (/api/v2/<tool>), known or not. */
  tool?: string;
  /** Lower-case names; X-API-Key is removed, Authorization is masked. */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  rawBody: string;
  /** Status the client was answered with; 0 when it got no answer (reset, or it went away). */
  status: number;
  /** Arrival time on the emulator clock. */
  at: number;
  /** sha256 hex of the X-API-Key header (see hashKey), when one was sent. */
  keyHash?: string;
  hasKey: boolean;
  /** The fault type that answered instead of the normal behaviour. */
  fault?: string;
  /** The request went to a place an earlier redirect fault pointed at. */
  redirectFollowUp?: boolean;
}

/** A request that reached the emulator and has not necessarily been answered yet. */
export type ArrivedRequest = Omit<RecordedRequest, 'status' | 'fault'>;
