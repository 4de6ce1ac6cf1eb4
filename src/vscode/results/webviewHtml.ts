import { nodeCrypto } from '../../core/nodeCrypto';

/** Where the page loads its files from (webview URIs) and the policy source of the webview. */
export interface WebviewPageParts {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  /** The page's texts, English → VS Code's display language (see webviewStrings.ts). */
  strings?: Record<string, string>;
  /** VS Code's display language, e.g. "de". */
  lang?: string;
}

/** A fresh nonce for each page: only the script tag carrying it may run. */
export function newNonce(): string {
  return nodeCrypto().randomBytes(16).toString('hex');
}

/** Nothing inline, nothing remote except https images; scripts only with this page's nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} https:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/**
 * The results page. Static on purpose: no result data is ever written into this HTML, it
 * reaches the page only by postMessage and is inserted as text by media/dist/results.js.
 */
export function resultPageHtml(parts: WebviewPageParts): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="${attr(parts.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="niamonx-strings" content="${attr(JSON.stringify(parts.strings ?? {}))}">
<link rel="stylesheet" href="${attr(parts.codiconUri)}">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>${escapeText(parts.strings?.['NiamonX result'] ?? 'NiamonX result')}</title>
</head>
<body>
<main id="result"><p class="loading">${escapeText(parts.strings?.['Loading…'] ?? 'Loading…')}</p></main>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}

/** Texts between tags (translations are ours, escaped anyway). */
function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The parts come from VS Code, not from results; escaped anyway so no value can end an attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
