/** The kinds of input a tool can take; the first four can be detected in text, the rest only typed. */
export const INPUT_KINDS = ['ip', 'email', 'domain', 'username', 'phone', 'text'] as const;

export type InputKind = (typeof INPUT_KINDS)[number];
