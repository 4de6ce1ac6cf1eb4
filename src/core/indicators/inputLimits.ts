/** Longer than any real IP, e-mail, domain, user name or phone number by far. */
export const MAX_INPUT_CHARS = 4096;
