import { benchRow as row, type BenchRow } from './measure';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRecords } from '../src/core/export/exportFormats';
import { HistoryFileStore } from '../src/core/history/historyFileStore';
import { historyLimits, HistoryStore } from '../src/core/history/historyStore';
import { redact } from '../src/core/record/redact';
import type { ResultRecord } from '../src/core/record/resultRecord';

const COUNT = 10_000;

/** Export, redaction and history reads at 10,000 records, each against `JSON.stringify` of the same data. */
export async function benchExport(): Promise<BenchRow[]> {
  const records = Array.from({ length: COUNT }, (_, i) => searchRecord(i));
  const payload = {
    stats: { total: COUNT, with_password: COUNT },
    records: records.map((record) => (record.data as { records: unknown[] }).records[0]),
  };
  const folder = mkdtempSync(join(tmpdir(), 'niamonx-bench-history-'));
  const addAll = () => {
    const maxEntries = () => COUNT;
    const store = new HistoryStore(new HistoryFileStore(folder, historyLimits(maxEntries), { flushDelayMs: 60_000 }), { maxEntries });
    for (const record of records) void store.add(record);
    return store;
  };

  const csv = exportRecords(records, 'csv');
  const rows = [
    row(
      `export: CSV of ${COUNT.toLocaleString('en')} records`,
      () => exportRecords(records, 'csv'),
      () => JSON.stringify(records),
      `${(csv.length / 1e6).toFixed(1)} MB of text`,
    ),
    row(
      `redact: ${COUNT.toLocaleString('en')}-record payload`,
      () => redact(payload),
      () => JSON.stringify(payload),
      `${redact(payload).count.toLocaleString('en')} values masked`,
    ),
    row(
      `history: ${COUNT.toLocaleString('en')} add() calls`,
      addAll,
      () => records.map((record) => JSON.stringify(record)),
      'in memory, one JSON line each; the file is appended in the background',
    ),
  ];
  rmSync(folder, { recursive: true, force: true });
  return rows;
}

/** A ULP-search-like result with a few leaked credentials, as the heaviest tools return. */
function searchRecord(i: number): ResultRecord {
  const records = Array.from({ length: 3 }, (_, j) => ({
    url: `https://host${i % 97}.example.com/login?next=/account,${j}`,
    host: `host${i % 97}.example.com`,
    login: `user${i}.${j}@example.com`,
    password: `pa"ss,${i}-${j}`,
  }));
  return {
    id: `r${i}`,
    tool: 'ulp_search',
    input: `user${i}@example.com`,
    startedAt: 1_700_000_000_000 + i * 1000,
    durationMs: 100 + (i % 50),
    status: 200,
    ok: true,
    data: { stats: { total: 3, unique_hosts: 1, with_password: 3 }, records },
  };
}

if (require.main === module) {
  void benchExport().then((rows) => console.table(rows));
}
