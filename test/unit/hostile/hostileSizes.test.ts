import * as assert from 'node:assert/strict';
import { modelErrorMessage } from '../../../src/core/agent/modelErrors';
import { compactJson, modelText } from '../../../src/core/agent/modelText';
import { runFacts, runSummary } from '../../../src/core/agent/runSummary';
import { excerpt, parseAnswer, type RawAnswer } from '../../../src/core/api/responseParser';
import { isDailyLimit, parseRetryAfterHeader, parseRetryAfterMessage } from '../../../src/core/api/retryAfter';
import { extractTargets } from '../../../src/core/bulk/extract';
import { extractUniqueTargets } from '../../../src/core/bulk/extractUnique';
import { ToolCallError } from '../../../src/core/errors';
import { csvCell, toCsv } from '../../../src/core/export/csv';
import { flatten } from '../../../src/core/export/flatten';
import { escapeMarkdown, toMarkdown } from '../../../src/core/export/markdown';
import { isSensitiveKey, redact, redactSecrets, redactText } from '../../../src/core/record/redact';
import { parseSafeLink } from '../../../src/core/render/links';
import { buildRenderModel } from '../../../src/core/render/renderModel';
import { summarise } from '../../../src/core/render/summary';
import { findEdits, RefangedText } from '../../../src/core/indicators/defang';
import { detectAt, detectInSelection, findTargets } from '../../../src/core/indicators/detectTarget';
import { okRecord } from '../export/fixtures';
import { fill, MB, TEXT_SHAPES } from './shapes';

/**
 * Every function that reads text from a file, a selection or an API answer, fed one megabyte
 * built for its worst case. Linear code answers in milliseconds; code that grows with the square
 * of its input needs minutes here (the old selection scan took 18 s on 80 KB), so the
 * timeout below decides, with a margin of several hundred times for a slow machine.
 */
const HOSTILE_TIMEOUT_MS = 20_000;

const TOOLS = ['gl_ping', 'breaches_search', 'breaches_s_v2', 'ulp_search'];

function answer(text: string, status = 200, retryAfterHeader: string | null = null): RawAnswer {
  return { status, contentType: 'application/json', text, truncated: false, retryAfterHeader, location: null };
}

/** An answer's data with a megabyte-long key name and a megabyte-long value of the given shape. */
function hugeData(keyUnit: string, valueUnit: string): Record<string, unknown> {
  return { [fill(keyUnit)]: fill(valueUnit), stats: { [fill(keyUnit)]: fill(valueUnit), total: 1 }, alive: true };
}

const KEY_SHAPES: Record<string, string> = {
  'uppercase key name': 'A',
  'camel-case humps': 'aA',
  'letters and digits alternating': 'a1',
  'separators only': '_-',
  'a sensitive word repeated': 'password',
};

describe('Hostile sizes: one megabyte of the worst input for each text function', function () {
  this.timeout(HOSTILE_TIMEOUT_MS);

  describe('target detection and defang', () => {
    for (const [shape, build] of Object.entries(TEXT_SHAPES)) {
      it(`finds targets in ${shape}`, () => {
        const text = build();
        const targets = findTargets(text);
        for (const target of targets.slice(0, 100)) assert.ok(target.start >= 0 && target.end <= text.length);
        const middle = detectAt(text, text.length >> 1);
        assert.ok(middle === undefined || (middle.start <= text.length >> 1 && middle.end >= text.length >> 1));
        assert.equal(detectInSelection(text).kind, 'text', 'a selection longer than any input is text, unscanned');
        detectInSelection(text.slice(0, 4096));
        const edits = findEdits(text);
        new RefangedText(text, 0, text.length, edits).text.slice(0, 1);
      });

      it(`extracts targets for a bulk run from ${shape}`, () => {
        extractTargets(build());
        extractUniqueTargets(build());
      });
    }
  });

  describe('answers', () => {
    for (const [shape, unit] of Object.entries(KEY_SHAPES)) {
      it(`parses, masks, summarises, renders and exports an answer with a ${shape} of a megabyte`, () => {
        const data = hugeData(unit, '+1');
        const parsed = parseAnswer('gl_ping', answer(JSON.stringify({ success: true, data })));
        const masked = redact(parsed).data;
        isSensitiveKey(fill(unit));
        redactSecrets(parsed, ['secret-key']);
        for (const tool of TOOLS) summarise(tool, masked);
        buildRenderModel(masked);
        flatten(masked);
        const record = okRecord({ data: masked });
        assert.ok(toCsv([record]).length > MB);
        assert.ok(toMarkdown([record], 0).length > MB);
        const run = { ok: true as const, tool: 'gl_ping', status: 200, data: parsed, durationMs: 1 };
        runFacts(run);
        runSummary(run, fill(unit));
        assert.ok(
          modelText('gl_ping 1.1.1.1: OK.', masked, { maxChars: 20_000, secrets: [fill(unit).slice(0, 64)] }).text.length <= 40_000,
        );
        compactJson(masked);
      });
    }

    it('masks and exports formula-like and number-like megabyte values', () => {
      for (const value of [`+${fill('1')}x`, `-${fill('1')}.`, `${fill('1')}e`, `=${fill('(')}`, fill('.1')]) {
        csvCell(value);
        escapeMarkdown(value);
        toCsv([okRecord({ data: { value } })]);
      }
    });

    it('reads a megabyte error message, a megabyte Retry-After and a megabyte non-JSON body', () => {
      for (const text of [fill('in 1 '), fill('1'), fill('daily limit '), fill('{')]) {
        for (const status of [400, 401, 403, 404, 405, 429, 500]) {
          assert.throws(
            () => parseAnswer('gl_ping', answer(JSON.stringify({ success: false, message: text }), status, text)),
            ToolCallError,
          );
        }
        assert.throws(() => parseAnswer('gl_ping', answer(text)), ToolCallError);
        parseRetryAfterHeader(text);
        parseRetryAfterMessage(text);
        isDailyLimit(text);
        excerpt(text, 200);
        redactText(text, ['in 1 i', 'aaaa']);
        modelErrorMessage({ tool: 'gl_ping', status: 429, error: { kind: 'rate-limit', message: text } }, ['in 1']);
        parseSafeLink(`https://${text}`);
      }
    });
  });
});
