import { plainTranslate, type Translate } from './translate';

/**
 * An English text with its arguments, kept apart so it can be shown in the user's language
 * where it is shown (`vscode.l10n.t` in the extension) while logs, history, agents and the MCP
 * server keep the English. `then` is appended after it (e.g. what the server said). An argument
 * may itself be a text to translate (a word such as an address class).
 */
export interface LocalText {
  template: string;
  args: Array<string | number | LocalText>;
  then?: LocalText;
}

/** Marks a text for translation; the literal is what `npm run l10n` extracts. */
export function t(template: string, ...args: Array<string | number | LocalText>): LocalText {
  return { template, args };
}

/** `text` followed by `then` (when there is one). */
export function followedBy(text: LocalText, then: LocalText | undefined): LocalText {
  return then ? { ...text, then } : text;
}

/** The text in the language of `translate` (English by default). */
export function renderText(text: LocalText, translate: Translate = plainTranslate): string {
  const args = text.args.map((arg) => (typeof arg === 'object' ? renderText(arg, translate) : arg));
  return translate(text.template, ...args) + (text.then ? renderText(text.then, translate) : '');
}
