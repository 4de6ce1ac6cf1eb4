import * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from './api/baseUrlRules';
import { lazy } from './lazy';

/**
 * Settings that guard consent, masking, spending or where data goes: only the user's own value
 * counts (user settings, else the default). A cloned repository's .vscode/settings.json must not
 * switch off masking, silence the agents' consent or lift the bulk confirmation. The manifest
 * lists each of them in `restrictedConfigurations` too (a unit test keeps the two lists equal).
 */
export const USER_ONLY_SETTINGS: readonly string[] = [
  'apiBaseUrl',
  'redactSensitiveFields',
  'ai.confirmCalls',
  'ai.maxResultChars',
  'bulk.confirmAbove',
  'bulk.maxCalls',
  'bulk.skipNonPublic',
  'bulk.concurrency',
  'cacheTtlSeconds',
  'cache.maxEntries',
];

/**
 * The one safeguard a workspace may tighten: niamonx.neverSend is the user's list plus every
 * entry the workspace and folder settings add (a team can put its own ranges and domains in
 * a repository), and never fewer. Adding a restriction cannot leak anything or spend quota;
 * only removing one could, and a workspace has no way to remove an entry.
 */
export const MERGED_SETTINGS: readonly string[] = ['neverSend'];

/**
 * The extension's settings as plain data, validated: a hand-edited settings.json can
 * hold anything, so each value falls back to its default on its own when it is invalid.
 */
export const settingsSchema = lazy(() =>
  z.object({
    apiBaseUrl: z.catch(z.string(), DEFAULT_BASE_URL),
    requestTimeoutSeconds: z.catch(z.number().check(z.gte(1), z.lte(600)), 20),
    cacheTtlSeconds: z.catch(z.number().check(z.gte(0), z.lte(86_400)), 60),
    cooldownFallbackSeconds: z.catch(z.number().check(z.gte(1), z.lte(86_400)), 60),
    tools: z.catch(z.unknown(), []),
    hoverEnabled: z.catch(z.boolean(), true),
    inlineEnabled: z.catch(z.boolean(), true),
    resultView: z.catch(z.enum(['webview', 'output', 'both']), 'webview'),
    reusePanels: z.catch(z.boolean(), true),
    historyMaxEntries: z.catch(z.int().check(z.gte(1), z.lte(10_000)), 200),
    redactSensitiveFields: z.catch(z.boolean(), true),
    aiConfirmCalls: z.catch(z.boolean(), true),
    aiMaxResultChars: z.catch(z.int().check(z.gte(1000), z.lte(100_000)), 8000),
    bulkSkipNonPublic: z.catch(z.boolean(), true),
    bulkConfirmAbove: z.catch(z.int().check(z.gte(0), z.lte(100_000)), 20),
    bulkMaxCalls: z.catch(z.int().check(z.gte(1), z.lte(1_000_000)), 1000),
    bulkConcurrency: z.catch(z.int().check(z.gte(1), z.lte(8)), 2),
    cacheMaxEntries: z.catch(z.int().check(z.gte(0), z.lte(100_000)), 5000),
    /** Checked entry by entry by parseNeverSendList (one bad entry must not drop the others). */
    neverSend: z.catch(z.array(z.unknown()), []),
  }),
);

export type Settings = z.infer<ReturnType<typeof settingsSchema>>;

/** Reads settings through `get(name)` (the VS Code layer passes its configuration getter). */
export function readSettings(get: (name: string) => unknown): Settings {
  return settingsSchema().parse({
    apiBaseUrl: get('apiBaseUrl'),
    requestTimeoutSeconds: get('requestTimeoutSeconds'),
    cacheTtlSeconds: get('cacheTtlSeconds'),
    cooldownFallbackSeconds: get('cooldownFallbackSeconds'),
    tools: get('tools') ?? [],
    hoverEnabled: get('hover.enabled'),
    inlineEnabled: get('inline.enabled'),
    resultView: get('resultView'),
    reusePanels: get('reusePanels'),
    historyMaxEntries: get('history.maxEntries'),
    redactSensitiveFields: get('redactSensitiveFields'),
    aiConfirmCalls: get('ai.confirmCalls'),
    aiMaxResultChars: get('ai.maxResultChars'),
    bulkSkipNonPublic: get('bulk.skipNonPublic'),
    bulkConfirmAbove: get('bulk.confirmAbove'),
    bulkMaxCalls: get('bulk.maxCalls'),
    bulkConcurrency: get('bulk.concurrency'),
    cacheMaxEntries: get('cache.maxEntries'),
    neverSend: get('neverSend') ?? [],
  });
}
