import type { ToolError } from '../errors';

/**
 * One finished tool run as the views, the history and the exports see it.
 * Plain data (JSON-serialisable) so it can be persisted and posted to a webview.
 * `data` is already redacted when `redacted` is true; it never holds the API key.
 */
export interface ResultRecord {
  id: string;
  tool: string;
  toolLabel?: string;
  /** What the user ran the tool on (the IP, email, ... or a JSON body as text). */
  input: string;
  /** Epoch milliseconds when the run started. */
  startedAt: number;
  durationMs?: number;
  status?: number;
  ok: boolean;
  data?: unknown;
  error?: ToolError;
  /** Answered from the local cache, no API call was spent. */
  cached?: boolean;
  /** How many sensitive values were masked in `data` (0 or absent: none). */
  redactedCount?: number;
  /** A bulk run's summary: `pending` are the inputs its Run Again re-runs (failed and not run). */
  bulk?: { pending: string[] };
}
