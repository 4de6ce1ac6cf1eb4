import { benchRow as row, type BenchRow } from './measure';
import { sortedRowOrder } from '../src/core/render/cellOrder';
import { buildRenderModel, type RenderNode } from '../src/core/render/renderModel';
import { summarise } from '../src/core/render/summary';

const ROWS = 10_000;
const DEEP = 5_000;

/** The results view's model at 10,000 rows and 5,000 levels, each against a JSON round trip. */
export async function benchRender(): Promise<BenchRow[]> {
  const ping = pingLike(ROWS);
  const clone = () => JSON.parse(JSON.stringify(ping)) as unknown;
  const capped = buildRenderModel(ping);
  const uncapped = buildRenderModel(ping, { maxRows: Infinity });
  const deepText = `${'{"a":'.repeat(DEEP)}"bottom"${'}'.repeat(DEEP)}`;
  const deep = JSON.parse(deepText) as unknown;
  const probes = tableOf(capped);

  return [
    row(
      `model: ${count(ROWS)} gl_ping-like rows (shows 2,000)`,
      () => buildRenderModel(ping),
      clone,
      `model is ${megabytes(JSON.stringify(capped))} as JSON`,
    ),
    row(
      `model: ${count(ROWS)} rows, no row cap`,
      () => buildRenderModel(ping, { maxRows: Infinity }),
      clone,
      `model is ${megabytes(JSON.stringify(uncapped))} as JSON: why the view caps rows`,
    ),
    row(
      `model: ${count(DEEP)} levels of nesting`,
      () => buildRenderModel(deep),
      () => JSON.parse(deepText),
      'baseline is JSON.parse alone (JSON.stringify overflows at this depth)',
    ),
    row(
      'sort: 2,000 shown rows by a number column',
      () => sortedRowOrder(probes.rows, probes.columns.indexOf('rtt_ms'), 'descending'),
      () => JSON.parse(JSON.stringify(probes.rows)),
      'runs in the webview on a header click',
    ),
    row(`summary: gl_ping with ${count(ROWS)} probes, RTT from probes`, () => summarise('gl_ping', { ...ping, rtt: undefined }), clone),
  ];
}

function pingLike(rows: number) {
  return {
    ip: '1.1.1.1',
    alive: true,
    host: 'one.one.one.one',
    probes: Array.from({ length: rows }, (_, seq) => ({
      seq,
      ttl: 57 - (seq % 4),
      rtt_ms: ((seq * 7919) % 1000) / 10,
      from: `probe-${seq % 17}.example.net`,
      report: `https://example.com/probes/${seq}`,
      location: { country: 'AU', city: 'Sydney' },
    })),
    rtt: { min: 0.1, avg: 50, max: 99.9 },
    packet_loss: 0,
    location: { country: 'AU', city: 'Sydney' },
    checked_at: '2025-01-01T00:00:00Z',
  };
}

function tableOf(model: RenderNode) {
  const probes = model.kind === 'object' ? model.entries.find((entry) => entry.key === 'probes')?.value : undefined;
  if (probes?.kind !== 'table') throw new Error('the probes did not become a table');
  return probes;
}

const count = (value: number) => value.toLocaleString('en');
const megabytes = (text: string) => `${(text.length / 1e6).toFixed(1)} MB`;
