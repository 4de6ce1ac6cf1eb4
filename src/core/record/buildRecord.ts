import type { ToolRun } from '../errors';
import { redact } from './redact';
import { maskRequestBody } from './requestBody';
import type { ResultRecord, RunOrigin } from './resultRecord';

/** A record and, when masking hid something, the original answer (for Reveal; never persisted). */
export interface BuiltRecord {
  record: ResultRecord;
  original?: unknown;
}

export interface RunRecordParts {
  id: string;
  run: ToolRun;
  toolLabel: string;
  /** What the tool ran on, for display. */
  input: string;
  startedAt: number;
  /** The body the caller gave ready-made, if any (Run Again sends it again). */
  requestBody?: Record<string, unknown>;
  /** The user's answer-masking setting. */
  redactAnswer: boolean;
  origin?: RunOrigin;
}

/** One tool run as the log, the history, the views and the exports keep it. */
export function runRecord(parts: RunRecordParts): BuiltRecord {
  const { run } = parts;
  const record: ResultRecord = {
    id: parts.id,
    tool: run.tool,
    toolLabel: parts.toolLabel,
    input: parts.input,
    startedAt: parts.startedAt,
    ok: run.ok,
  };
  if (parts.requestBody) Object.assign(record, requestBodyFields(parts.requestBody));
  if (run.status !== undefined) record.status = run.status;
  if (run.durationMs !== undefined) record.durationMs = run.durationMs;
  if (parts.origin && parts.origin !== 'user') record.origin = parts.origin;
  if (!run.ok) {
    record.error = run.error;
    return { record };
  }
  if (run.cached) record.cached = true;
  if (!parts.redactAnswer) {
    record.data = run.data;
    return { record };
  }
  const masked = redact(run.data);
  record.data = masked.data;
  if (masked.count === 0) return { record };
  record.redactedCount = masked.count;
  return { record, original: run.data };
}

export interface BulkRecordParts {
  id: string;
  tool: string;
  toolLabel: string;
  /** The run as the history lists it (targets, source, why it stopped). */
  input: string;
  startedAt: number;
  durationMs: number;
  /** The summary table. */
  data: unknown;
  /** The inputs Run Again re-runs (failed and not run). */
  pending: string[];
  redactAnswer: boolean;
}

/** A bulk run's summary as one record. */
export function bulkRecord(parts: BulkRecordParts): ResultRecord {
  return {
    id: parts.id,
    tool: parts.tool,
    toolLabel: parts.toolLabel,
    input: parts.input,
    startedAt: parts.startedAt,
    durationMs: parts.durationMs,
    ok: true,
    data: parts.redactAnswer ? redact(parts.data).data : parts.data,
    bulk: { pending: parts.pending },
  };
}

/** The body a caller gave ready-made (Run Again must send it again, not its display text). */
export function requestBodyOf(input: unknown): Record<string, unknown> | undefined {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
}

/** Cancelled runs and input refused locally (no request was made; never-send values above all) are not results worth keeping. */
export function belongsInHistory(record: ResultRecord): boolean {
  if (record.ok) return true;
  const kind = record.error?.kind;
  if (kind === 'cancelled' || kind === 'never-send') return false;
  return !(kind === 'validation' && record.status === undefined);
}

/**
 * The body as kept in the record: masked where it holds secrets (whatever the answer-masking
 * setting), so no log line, history entry, tree item or export holds them; Run Again then asks
 * for the body again instead of sending the mask.
 */
function requestBodyFields(body: Record<string, unknown>): Pick<ResultRecord, 'requestBody' | 'requestBodyRedacted'> {
  const masked = maskRequestBody(body);
  return masked.masked ? { requestBody: masked.body, requestBodyRedacted: true } : { requestBody: body };
}
