import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';
import { assertNoEnglish, englishWords } from '../../util/englishLeftovers';

const bundle = (name: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, name), 'utf8')) as Record<string, string>;

// The German UI test's checker: it must pass every German text we ship and catch English ones.
describe('englishLeftovers (the German UI test checker)', () => {
  it('finds English words, each once, as written', () => {
    assert.deepEqual(englishWords('No API key is set. Set the key first.'), ['No', 'key', 'is', 'set', 'Set', 'the']);
    assert.deepEqual(englishWords('Ergebnisse: 3 Aufrufe heute'), []);
  });

  it('lets names, tool ids, setting ids, addresses, numbers and allowed phrases through', () => {
    const text = 'NiamonX gl_ping auf 8.8.8.8 und 2001:db8::1, Einstellung niamonx.ai.confirmCalls, VS Code, MCP, ULP, JSON, CSV, 12 s, {0}';
    assert.deepEqual(englishWords(text), []);
    assert.deepEqual(englishWords('Stadt: Mountain View', ['Mountain View']), []);
    assert.deepEqual(englishWords('Stadt: Mountain View'), ['View']);
  });

  it('finds nothing in any German text the extension ships (bundles, manifest, walkthrough)', () => {
    const walkthrough = join(PROJECT_ROOT, 'media', 'walkthrough');
    const pages = readdirSync(walkthrough)
      .filter((name) => name.endsWith('.nls.de.md'))
      .map((name) => readFileSync(join(walkthrough, name), 'utf8'));
    const texts = [...Object.values(bundle('l10n/bundle.l10n.de.json')), ...Object.values(bundle('package.nls.de.json')), ...pages];
    assert.ok(pages.length > 0, 'the German walkthrough pages are read');
    const flagged = texts.map((text) => ({ text, words: englishWords(text) })).filter(({ words }) => words.length);
    assert.deepEqual(flagged, []);
  });

  it('catches most English texts the extension ships (a word list that can fail)', () => {
    const english = Object.keys(bundle('l10n/bundle.l10n.json')).filter((text) => text.split(/\s+/).filter((word) => /\p{L}{3}/u.test(word)).length >= 2);
    const missed = english.filter((text) => englishWords(text).length === 0);
    assert.ok(missed.length <= english.length * 0.1, `${missed.length} of ${english.length} English sentences pass unseen:\n${missed.join('\n')}`);
  });

  it('assertNoEnglish names where and what', () => {
    assert.throws(() => assertNoEnglish('the hover', 'Ping on 8.8.8.8'), /English in the hover: "on"/);
    assertNoEnglish('the hover', 'Ping auf 8.8.8.8');
  });
});
