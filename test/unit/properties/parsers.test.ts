import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAnswer } from '../../../src/core/api/responseParser';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../../src/core/api/retryAfter';
import { ToolCallError } from '../../../src/core/errors';
import { holdsSecrets, isSensitiveKey, redact } from '../../../src/core/record/redact';
import { findEdits, RefangedText } from '../../../src/core/indicators/defang';
import { detectAt, detectInSelection, findTargets } from '../../../src/core/indicators/detectTarget';

/**
 * Properties of the parsers that face the network and files, checked on generated inputs:
 * what they promise for every input, not just for the examples elsewhere.
 */

/** Text that looks like logs: addresses, names, defanged forms and the punctuation around them. */
const logText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '1.2.3.4',
        '8.8.8.8',
        '10.0.0.1',
        '::1',
        '2001:db8::1',
        'example.com',
        'a@b.example',
        '[.]',
        '(.)',
        'hxxps://',
        '[:]//',
      ),
      fc.constantFrom(' ', '.', ',', ':', '[', ']', '(', ')', '@', '/', '\n', '-', '_', '"', "'", '\t'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 0, max: 999 }).map(String),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** JSON values with key names that are, or look like, secrets. */
const sensitiveishKey = fc.oneof(
  fc.constantFrom(
    'password',
    'Password',
    'user_password',
    'apiKey',
    'X-API-Key',
    'token',
    'pass',
    'hash',
    'password_count',
    'with_password',
    'name',
    'ip',
    'compass',
  ),
  fc.string({ maxLength: 12 }),
);
const answerData = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(sensitiveishKey, tie('value'), { maxKeys: 5 }),
})).value;

/** Every value under a sensitive key in `data`, at any depth. */
function valuesUnderSensitiveKeys(
  data: unknown,
  found: Array<{ key: string; value: unknown }> = [],
): Array<{ key: string; value: unknown }> {
  if (Array.isArray(data)) for (const item of data) valuesUnderSensitiveKeys(item, found);
  else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (isSensitiveKey(key)) found.push({ key, value });
      else valuesUnderSensitiveKeys(value, found);
    }
  }
  return found;
}

const MASKED = /^•{6} \((?:\d+ chars?|masked)\)$/;

describe('Properties of the parsers that face the network and files', () => {
  it('detection never throws and returns ordered targets inside the text', () => {
    fc.assert(
      fc.property(logText, (text) => {
        let previousEnd = 0;
        for (const target of findTargets(text)) {
          assert.ok(target.start >= previousEnd && target.start < target.end && target.end <= text.length, JSON.stringify(target));
          previousEnd = target.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the target under the cursor contains the cursor (or ends at it)', () => {
    fc.assert(
      fc.property(logText, fc.nat(), (text, at) => {
        const offset = text.length === 0 ? 0 : at % (text.length + 1);
        const target = detectAt(text, offset);
        if (target) assert.ok(target.start <= offset && offset <= target.end && target.end <= text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('a selection means a target inside it, or its trimmed text', () => {
    fc.assert(
      fc.property(logText, (text) => {
        if (!text.trim()) return;
        const target = detectInSelection(text);
        assert.ok(target.start >= 0 && target.end <= text.length && target.start <= target.end);
        if (target.kind === 'text') assert.equal(target.value, text.trim());
        else assert.equal(text.slice(target.start, target.end), target.raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('defang edits are ordered, do not overlap, and map back inside the original', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const edits = findEdits(text);
        let previousEnd = 0;
        for (const edit of edits) {
          assert.ok(edit.start >= previousEnd && edit.end <= text.length && edit.start < edit.end);
          previousEnd = edit.end;
        }
        const refanged = new RefangedText(text, 0, text.length, edits);
        for (let offset = 0; offset < refanged.text.length; offset++) {
          const original = refanged.startInOriginal(offset);
          assert.ok(original >= 0 && original <= text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('redaction masks every value under a sensitive key (counts and flags aside) and is idempotent', () => {
    fc.assert(
      fc.property(answerData, (data) => {
        const once = redact(data);
        for (const { key, value } of valuesUnderSensitiveKeys(once.data)) {
          if (value === null || value === undefined) continue;
          const countOrFlag = typeof value === 'number' || typeof value === 'boolean';
          assert.ok(countOrFlag || (typeof value === 'string' && MASKED.test(value)), `${key}: ${JSON.stringify(value)}`);
        }
        const twice = redact(once.data);
        assert.deepEqual(twice.data, once.data);
        assert.equal(twice.count, 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('holdsSecrets says without copying what redact would mask', () => {
    fc.assert(
      fc.property(answerData, (data) => {
        assert.equal(holdsSecrets(data), redact(data).count > 0, JSON.stringify(data));
      }),
      { numRuns: 2000 },
    );
  });

  it('key names split into word parts in one pass exactly as the old regular expressions did', () => {
    // The old splitter, kept as the oracle: right, but quadratic on a long run of capitals.
    const oldParts = (key: string) =>
      key
        .replace(/([a-z\d])([A-Z])/g, '$1 $2')
        // eslint-disable-next-line regexp/no-super-linear-move -- the oracle only sees short keys
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .replace(/([A-Za-z])(?=\d)|(\d)(?=[A-Za-z])/g, '$1$2 ')
        .toLowerCase()
        .split(/[^a-z\d]+/)
        .filter((part) => part !== '');
    const SECRET_WORDS = ['password', 'pass', 'token', 'hash', 'count', 'with', 'key', 'api'];
    const keyName = fc
      .array(
        fc.oneof(
          fc.constantFrom('a', 'A', 'z', 'Z', '0', '9', '_', '-', '.', ' ', 'é'),
          fc.tuple(fc.constantFrom(...SECRET_WORDS), fc.boolean()).map(([word, upper]) => (upper ? word.toUpperCase() : word)),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(keyName, (key) => {
        const expected = oldParts(key).some((part) => ['password', 'pass', 'token', 'hash'].includes(part.replace(/e?s$/, '')));
        if (expected) assert.equal(isSensitiveKey(key), true, key);
      }),
      { numRuns: 5000 },
    );
  });

  it('an answer of any text either gives data or throws one ToolCallError', () => {
    fc.assert(
      fc.property(fc.constantFrom(200, 400, 401, 403, 404, 405, 429, 500, 502), fc.oneof(fc.string(), fc.json()), (status, text) => {
        try {
          parseAnswer('gl_ping', {
            status,
            contentType: 'application/json',
            text,
            truncated: false,
            retryAfterHeader: null,
            location: null,
          });
        } catch (error) {
          assert.ok(error instanceof ToolCallError, String(error));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a Retry-After is a whole number of seconds within a day, or nothing', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (header, message) => {
        const seconds = retryAfterSeconds(header, message ?? undefined, Date.UTC(2026, 0, 1));
        if (seconds !== undefined)
          assert.ok(Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_RETRY_AFTER_SECONDS, String(seconds));
      }),
      { numRuns: 3000 },
    );
  });
});
