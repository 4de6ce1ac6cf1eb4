import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';
import { localizedBulkData } from '../../../src/core/bulk/bulkDisplay';
import { extractUniqueTargets } from '../../../src/core/bulk/extractUnique';
import { BUILTIN_TOOLS } from '../../../src/core/catalog/builtinTools';
import { ipClassText } from '../../../src/core/indicators/ipClassText';
import { renderText, t } from '../../../src/core/localText';
import { shownMessage, ToolCallError } from '../../../src/core/errors';
import { resultRecordSchema } from '../../../src/core/record/resultRecord';
import { IMPLICIT_ONLY, neverSendMatchOfText, refusalText, skipReasonOf } from '../../../src/core/neverSend/neverSendCheck';
import { localizedSummary } from '../../../src/core/render/summaryTexts';
import { summarise } from '../../../src/core/render/summary';
import { indicatorReport } from '../../../src/core/transform/indicatorReport';
import { plainTranslate, type Translate } from '../../../src/core/translate';
import { evaluateFindings } from '../../../src/core/verdicts/findingRules';
import { verdictLine } from '../../../src/core/verdicts/verdictLine';
import { assertNoEnglish } from '../../util/englishLeftovers';

/** What `vscode.l10n.t` does with the shipped German bundle (a missing text stays English). */
const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const german: Translate = (message, ...args) => plainTranslate(Object.hasOwn(bundle, message) ? bundle[message] : message, ...args);

// The core's texts a user reads, handed the German translator as the extension hands it vscode.l10n.t.
describe('core texts in German', () => {
  it('Extract Indicators: headings, counts and labels; the values as found', () => {
    const report = indicatorReport(extractUniqueTargets('8.8.8.8 8[.]8[.]8[.]8 10.0.0.1 evil[.]com bob@evil.com'), 'die Auswahl in x.log', IMPLICIT_ONLY, german);
    assert.match(report, /^# Indikatoren in die Auswahl in x\.log\n\n4 verschiedene, 5 Vorkommen\./);
    assert.match(report, /## IPv4-Adressen \(2\)\n\n### Öffentlich \(1\)\n\n {5}2 {2}8\.8\.8\.8\n/);
    assert.match(report, / {5}1 {2}evil\.com \(entschärft geschrieben\)/);
    assert.match(report, /### Nicht öffentlich oder auf Ihrer Nie-senden-Liste \(1\)\n\n {5}1 {2}10\.0\.0\.1/);
    assertNoEnglish('the report', report);
    assertNoEnglish('the empty report', indicatorReport([], 'x.log', IMPLICIT_ONLY, german));
  });

  it('verdicts and the built-in findings', () => {
    const ping = { alive: true, rtt: { min: 40, avg: 42, max: 45 }, location: { city: 'Ashburn', country: 'US' } };
    assert.equal(verdictLine('gl_ping', ping, german), 'erreichbar · 42 ms · Ashburn, US');
    const breach = { status: 'found', meta: { blocks_total: 3 }, risk: { level: 'high' } };
    assert.equal(verdictLine('breaches_search', breach, german), '3 Datenlecks · Risiko high');
    assert.equal(verdictLine('breaches_search', { status: 'not_found' }, german), 'nicht gefunden');
    const rules = BUILTIN_TOOLS.find((tool) => tool.name === 'breaches_search')?.findings;
    assert.deepEqual(evaluateFindings(rules, breach, german), [{ severity: 'warning', message: 'Risiko durch Datenleck: high' }]);
    assert.equal(evaluateFindings(rules, breach)[0].message, 'Breach risk high', 'English where no translator is given');
  });

  it('the never-send refusal names the address class in German; the English stays for logs', () => {
    const match = neverSendMatchOfText('10.0.0.1', IMPLICIT_ONLY)!;
    const text = renderText(refusalText(match), german);
    assert.match(text, /10\.0\.0\.1 ist eine Adresse der Art privat/);
    assertNoEnglish('the refusal', text);
    assert.match(renderText(refusalText(match)), /10\.0\.0\.1 is a private address/);
    assert.equal(ipClassText('carrier-grade-nat', german), 'Carrier-Grade-NAT');
  });

  it('a bulk summary: counts, columns, statuses and skip reasons; the record keeps its English', () => {
    const skipped = skipReasonOf(neverSendMatchOfText('10.0.0.5', IMPLICIT_ONLY)!);
    const data = {
      results: [
        { found: '8.8.8.8', status: 'ok', Alive: 'yes', Location: 'Mountain View, US' },
        { found: '1.1.1.1', status: 'not run (cancelled)' },
        { found: '9.9.9.9', status: 'failed (HTTP 500)', error: 'Der Server antwortete mit 500.' },
      ],
      skipped: [{ found: '10.0.0.5', value: '10.0.0.5', reason: skipped, occurrences: 2 }],
    };
    const shown = localizedBulkData(data, german) as Record<string, Array<Record<string, unknown>>>;
    assert.deepEqual(shown.Ergebnisse[0], { gefunden: '8.8.8.8', Status: 'OK', Erreichbar: 'ja', Standort: 'Mountain View, US' });
    assert.equal(shown.Ergebnisse[1].Status, 'nicht ausgeführt (abgebrochen)');
    assert.equal(shown.Ergebnisse[2].Status, 'fehlgeschlagen (HTTP 500)');
    assert.equal(shown.übersprungen[0].Grund, 'auf Ihrer Nie-senden-Liste (Adresse der Art privat)');
    assertNoEnglish('the bulk table', JSON.stringify(shown), ['Mountain View']);
    assert.equal(data.results[0].status, 'ok', 'the record is not changed');
    const counts = { stats: { found: 4, unique: 3, answered: 1, 'from cache': 0, failed: 1, 'not run': 1, skipped: 1, '429s': 0 } };
    const summary = localizedSummary(summarise('gl_ping', counts), german, true);
    assertNoEnglish('the bulk counts', summary.map((item) => item.label).join('\n'));
  });
});

describe('a stored failure keeps its text to translate', () => {
  const base = { id: 'r1', tool: 'gl_ping', input: '1.1.1.1', startedAt: 1, ok: false };

  it('is read back with its text, shown in German, and English where the message was changed', () => {
    const error = new ToolCallError('network', t('Could not reach {0}. Check your network connection, proxy settings and niamonx.apiBaseUrl.', 'x')).toToolError();
    const record = resultRecordSchema().parse(JSON.parse(JSON.stringify({ ...base, error })));
    assert.deepEqual(record.error?.text, error.text);
    assert.match(shownMessage(record.error!, german), /^x ist nicht erreichbar\./);
    assert.equal(shownMessage({ ...record.error!, message: 'scrubbed' }, german), 'scrubbed');
  });

  it('drops a malformed text, not the record', () => {
    const record = resultRecordSchema().parse({ ...base, error: { kind: 'server', message: 'm', text: { template: 5, args: 'no' } } });
    assert.equal(record.error?.message, 'm');
    assert.equal(record.error?.text, undefined);
  });
});
