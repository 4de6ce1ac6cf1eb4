import * as z from 'zod/mini';
import { EXPORT_FORMATS } from '../export/exportFormats';
import { lazy } from '../lazy';
import { resultRecordSchema, type ResultRecord } from '../record/resultRecord';
import { isHttpsUrl } from './links';
import type { RenderNode } from './renderModel';
import type { SummaryItem } from './summary';

/**
 * The messages between the results panel and its webview. The webview renders data from the
 * network, so the extension treats whatever it posts as untrusted: only this fixed set,
 * exactly these fields, is honoured.
 */
export const webviewMessageSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ready') }),
    z.strictObject({ type: z.literal('copyJson') }),
    z.strictObject({ type: z.literal('export'), format: z.optional(z.enum(EXPORT_FORMATS)) }),
    z.strictObject({ type: z.literal('runAgain') }),
    z.strictObject({ type: z.literal('openInEditor') }),
    z.strictObject({ type: z.literal('toggleReveal') }),
    z.strictObject({ type: z.literal('openLink'), url: z.string().check(z.refine(isHttpsUrl, 'only https links open')) }),
  ]),
);

export type WebviewMessage = z.infer<ReturnType<typeof webviewMessageSchema>>;

/** The message if it is one the extension honours, else undefined (to be ignored). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  const parsed = webviewMessageSchema().safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const summaryItemSchema = lazy(
  () =>
    z.object({
      label: z.string(),
      value: z.string(),
      tone: z.optional(z.enum(['good', 'warn', 'bad'])),
    }) satisfies z.ZodMiniType<SummaryItem>,
);

const renderNodeSchema = lazy(() =>
  z.custom<RenderNode>((value) => typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'),
);

/** Extension → webview: render this record. `record.data` is always the redacted data. */
export const showMessageSchema = lazy(() =>
  z.object({
    type: z.literal('show'),
    record: resultRecordSchema(),
    model: renderNodeSchema(),
    summary: z.array(summaryItemSchema()),
    /** The model shows the unmasked values. */
    revealed: z.boolean(),
    /** Values were masked and a Reveal/Hide button makes sense. */
    canReveal: z.boolean(),
    /** A one-line note for the user, e.g. why Reveal did nothing. */
    notice: z.optional(z.string()),
  }),
);

export type ShowMessage = z.infer<ReturnType<typeof showMessageSchema>>;

/** What the webview saves with setState; VS Code hands it back to the serializer after a reload. */
export interface SavedWebviewState {
  record?: ResultRecord;
  /** Sorted column per table, keyed by the table's path in the data. */
  sorts?: Record<string, { column: number; direction: 'ascending' | 'descending' }>;
  scrollY?: number;
}

const savedStateSchema = lazy(() => z.object({ record: resultRecordSchema() }));

/** The record a reloaded panel showed, if its saved state holds a valid one. */
export function recordFromSavedState(raw: unknown): ResultRecord | undefined {
  const parsed = savedStateSchema().safeParse(raw);
  return parsed.success ? parsed.data.record : undefined;
}

/**
 * The record as posted to (and saved by) the webview. VS Code passes messages and state as
 * JSON, which very deep data cannot be (JSON.stringify overflows near 5,000 levels): such data
 * is left out, so the panel still renders (from the model) but is restored without it.
 */
export function recordForWebview(record: ResultRecord): ResultRecord {
  try {
    JSON.stringify(record.data);
    return record;
  } catch {
    const copy = { ...record };
    delete copy.data;
    return copy;
  }
}
