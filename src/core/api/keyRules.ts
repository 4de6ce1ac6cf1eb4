import { ToolCallError } from '../errors';
import { followedBy, renderText, t, type LocalText } from '../localText';

/** A refused key: `message` in English (logs), `text` to show in the user's language. */
export type KeyCheck = { ok: true; key: string } | { ok: false; message: string; text: LocalText };

function refused(text: LocalText): KeyCheck {
  return { ok: false, message: renderText(text), text };
}

/**
 * Checks an API key before it is stored or sent. The key is trimmed; an empty key or one
 * with whitespace or control characters inside is refused, since it cannot be a real key
 * and would otherwise cost a 401 round trip (or break the header).
 */
export function checkApiKey(raw: string | undefined | null): KeyCheck {
  const key = (raw ?? '').trim();
  if (!key) return refused(t('The API key is empty.'));
  if (/[\u0000-\u001f\u007f-\u009f]/.test(key)) {
    return refused(t('The API key contains control characters; paste it again without line breaks or tabs.'));
  }
  if (/\s/.test(key)) return refused(t('The API key contains spaces; a NiamonX key is a single word.'));
  if (key.length > 512) return refused(t('The API key is longer than 512 characters; is it really a NiamonX key?'));
  return { ok: true, key };
}

/** The key ready for a request, or a `auth` error that says how to set one. */
export function requireApiKey(raw: string | undefined | null): string {
  if (!raw || !raw.trim()) {
    throw new ToolCallError(
      'auth',
      t('No NiamonX API key is set. Run "NiamonX: Set API Key" (or set the NIAMONX_API_KEY environment variable).'),
    );
  }
  const check = checkApiKey(raw);
  if (!check.ok) {
    throw new ToolCallError(
      'auth',
      followedBy(t('The stored API key is not usable: '), followedBy(check.text, t(' Run "NiamonX: Set API Key".'))),
    );
  }
  return check.key;
}
