import { indicatorsIn } from '../src/core/agent/indicators';
import { modelText } from '../src/core/agent/modelText';
import { buildCatalog } from '../src/core/catalog/catalog';
import { benchRow as row, type BenchRow } from './measure';

const RECORDS = 10_000;
const LOG_LINES = 1_000;

/** What an agent tool does on the extension host before answering: redact and cap, or scan text. */
export async function benchAgent(): Promise<BenchRow[]> {
  const ulp = {
    stats: { total: RECORDS, with_password: RECORDS },
    records: Array.from({ length: RECORDS }, (_, index) => ({
      url: `https://host-${index}.example.com/login`,
      login: `user${index}@corp.example`,
      pass: `secret-${index}`,
    })),
  };
  const log = Array.from(
    { length: LOG_LINES },
    (_, index) =>
      `2026-11-26T09:00:${String(index % 60).padStart(2, '0')}Z sshd: Failed password for user${index}@corp.example from 8.8.${index % 256}.${index % 200} port 22`,
  ).join('\n');
  const catalog = buildCatalog([]);
  return [
    row(
      `agent: model text of a ${RECORDS.toLocaleString('en')}-record ulp_search answer (redact + cap to 8,000 chars)`,
      () => modelText('ulp_search', ulp, { maxChars: 8000 }),
      () => JSON.stringify(ulp),
      'baseline: one JSON.stringify of the answer',
    ),
    row(
      `agent: extract indicators from ${LOG_LINES.toLocaleString('en')} log lines (${(log.length / 1000).toFixed(0)} KB)`,
      () => indicatorsIn(log, catalog),
      () => JSON.parse(JSON.stringify(log)),
      'baseline: JSON round trip of the text; the tool takes at most 100,000 characters (~50 ms here)',
    ),
  ];
}
