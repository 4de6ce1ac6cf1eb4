import type * as crypto from 'node:crypto';
import { lazy } from './lazy';

/**
 * `node:crypto`, loaded when first needed (a cache key, a webview nonce) rather than at
 * start-up: an `import` compiles to a top-level require that costs milliseconds on every load.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
export const nodeCrypto = lazy(() => require('node:crypto') as typeof crypto);
