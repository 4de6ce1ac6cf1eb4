/**
 * How the core speaks the user's language: `vscode.l10n.t` in the extension, plain `{0}`
 * substitution in tests, the MCP server and logs. Texts are passed as literals to a bare `t(…)`,
 * so `npm run l10n` finds them.
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
