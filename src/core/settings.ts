import { z } from 'zod';
import { DEFAULT_BASE_URL } from './api/baseUrlRules';

/**
 * The extension's settings as plain data, validated: a hand-edited settings.json can
 * hold anything, so each value falls back to its default on its own when it is invalid.
 */
const settingsSchema = z.object({
  apiBaseUrl: z.string().catch(DEFAULT_BASE_URL),
  requestTimeoutSeconds: z.number().min(1).max(600).catch(20),
  cacheTtlSeconds: z.number().min(0).max(86_400).catch(60),
  cooldownFallbackSeconds: z.number().min(1).max(86_400).catch(60),
  tools: z.unknown().catch([]),
  hoverEnabled: z.boolean().catch(true),
  resultView: z.enum(['output', 'webview', 'both']).catch('webview'),
  reusePanels: z.boolean().catch(true),
  historyMaxEntries: z.number().int().min(1).max(10_000).catch(200),
  redactSensitiveFields: z.boolean().catch(true),
  bulkSkipNonPublic: z.boolean().catch(true),
  bulkConfirmAbove: z.number().int().min(0).max(100_000).catch(20),
  bulkConcurrency: z.number().int().min(1).max(8).catch(2),
  cacheMaxEntries: z.number().int().min(0).max(100_000).catch(5000),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Reads settings through `get(name)` (the VS Code layer passes its configuration getter). */
export function readSettings(get: (name: string) => unknown): Settings {
  return settingsSchema.parse({
    apiBaseUrl: get('apiBaseUrl'),
    requestTimeoutSeconds: get('requestTimeoutSeconds'),
    cacheTtlSeconds: get('cacheTtlSeconds'),
    cooldownFallbackSeconds: get('cooldownFallbackSeconds'),
    tools: get('tools') ?? [],
    hoverEnabled: get('hover.enabled'),
    resultView: get('resultView'),
    reusePanels: get('reusePanels'),
    historyMaxEntries: get('history.maxEntries'),
    redactSensitiveFields: get('redactSensitiveFields'),
    bulkSkipNonPublic: get('bulk.skipNonPublic'),
    bulkConfirmAbove: get('bulk.confirmAbove'),
    bulkConcurrency: get('bulk.concurrency'),
    cacheMaxEntries: get('cache.maxEntries'),
  });
}
