const MAX_URL_LENGTH = 2048;

/**
 * True for a string that is exactly one https URL, the only kind the results view turns into a
 * link. Everything else (`http:`, `javascript:`, `command:`, `data:`, URLs with spaces or
 * credentials such as `https://bank.example@evil.example`) stays plain text.
 */
export function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  if (!/^https:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
