import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHAR_CLASSES, TOKEN_START, TRIGGER } from '../../../src/core/indicators/charClasses';
import { bracketTokenAt, DEFANGED_TOKEN_SOURCE, defangedSchemeEndingAt, ipv6MarkSearch } from '../../../src/core/indicators/tokens';

/** Text made of the pieces defanged tokens are made of, in any case and order. */
const tokenText = fc
  .array(
    fc.oneof(
      fc.constantFrom('[', ']', '(', ')', '{', '}', '.', ':', '//', '@', '\\', ' ', 'dot', 'DoT', 'at', 'AT', 'hxxp', 'HXXPS', 'evil', '1'),
      fc.constantFrom('[.]', '(dot)', '{at}', '[://]', '[:]', '[@]', 'hxxps://', 'a [at] b'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('defanged token grammar (tokens.ts)', () => {
  it('the search finds every token the reader accepts, where the reader finds it', () => {
    const search = new RegExp(DEFANGED_TOKEN_SOURCE, 'iy');
    const foundAt = (text: string, index: number) => {
      search.lastIndex = index;
      return search.test(text);
    };
    fc.assert(
      fc.property(tokenText, (text) => {
        for (let i = 0; i < text.length; i++) {
          if (bracketTokenAt(text, i)) {
            assert.ok(foundAt(text, i), `${JSON.stringify(text)}: token at ${i} not found`);
            assert.ok((CHAR_CLASSES[text.charCodeAt(i)] & TOKEN_START) !== 0, `${JSON.stringify(text)}: ${text[i]} opens no token`);
            assert.ok((CHAR_CLASSES[text.charCodeAt(i)] & TRIGGER) !== 0, `${JSON.stringify(text)}: ${text[i]} triggers nothing`);
          }
          const scheme = text.startsWith('://', i) ? defangedSchemeEndingAt(text, i) : undefined;
          if (scheme) assert.ok(foundAt(text, scheme.start), `${JSON.stringify(text)}: scheme at ${scheme.start} not found`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every bracketed token in any case, and the spaces around it between words', () => {
    const search = new RegExp(DEFANGED_TOKEN_SOURCE, 'gi');
    for (const token of ['[.]', '(.)', '{.}', '[dot]', '(DOT)', '{Dot}', '[:]', '[://]', '[at]', '(At)', '{AT}', '[@]', '(@)']) {
      assert.deepEqual(`x${token}y`.match(search), [token], token);
      assert.equal(bracketTokenAt(`x${token}y`, 1)?.end, 1 + token.length, token);
    }
    assert.deepEqual(bracketTokenAt('bob [at] corp', 4), { start: 3, end: 9, replacement: '@' });
    assert.deepEqual(bracketTokenAt('1 [:] 2', 2), { start: 2, end: 5, replacement: ':' }, '[:] keeps its spaces out');
  });

  it('the IPv6 mark: "::" or six colons, each search its own', () => {
    const mark = ipv6MarkSearch();
    assert.notEqual(mark, ipv6MarkSearch(), 'a global search keeps its position: never shared');
    assert.deepEqual('a::1 1:2:3:4:5:6:7 1:2:3'.match(mark), ['::', ':2:3:4:5:6:7']);
  });
});
