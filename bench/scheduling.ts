import { performance } from 'node:perf_hooks';
import { startEmulator } from '../emulator/server';
import type { EmulatorConfig } from '../emulator/config';
import { planBulk } from '../src/core/bulk/bulkPlan';
import { runBulk } from '../src/core/bulk/bulkScheduler';
import { PacingBook } from '../src/core/bulk/pacing';
import { extractTargetsInChunks } from '../src/core/bulk/extract';
import { buildCatalog } from '../src/core/catalog/catalog';
import { ToolStateTracker } from '../src/core/catalog/toolState';
import { ToolRunner } from '../src/core/run/toolRunner';
import { round, type BenchRow } from './measure';

const KEY = 'nx-bench-scheduling-key-0000';
const UNIQUE = 30;
const DUPLICATES = 15;
const COOLDOWN_S = 1;
const LATENCY_MS = 20;
const FALLBACK_S = 1;

/** A log with 30 unique public IPs, 15 of them repeated (with a port, as logs write them). */
function logText(): string {
  const ips = Array.from({ length: UNIQUE }, (_, i) => `${11 + i}.${(i * 7) % 250}.${(i * 13) % 250}.${1 + i}`);
  const lines = ips.map((ip, i) => `2026-11-26T10:00:${String(i).padStart(2, '0')}Z fw ACCEPT src=${ip} proto=tcp`);
  for (let i = 0; i < DUPLICATES; i++) lines.push(`2026-11-26T10:01:${String(i).padStart(2, '0')}Z retry ${ips[i * 2]}:443`);
  return lines.join('\n');
}

async function scenario(name: string, config: Partial<EmulatorConfig>): Promise<BenchRow> {
  const emulator = await startEmulator({ keys: [KEY], config: { cooldownSeconds: COOLDOWN_S, latencyMs: LATENCY_MS, ...config } });
  try {
    const states = new ToolStateTracker({ fallbackCooldownSeconds: () => FALLBACK_S });
    const runner = new ToolRunner({
      catalog: () => buildCatalog([]),
      settings: () => ({ baseUrl: emulator.url, timeoutMs: 20_000, cacheTtlSeconds: 600 }),
      apiKey: async () => KEY,
      states,
    });
    const started = performance.now();
    const plan = planBulk(await extractTargetsInChunks(logText(), ['ip']), { skipNonPublic: true });
    const pacing = new PacingBook();
    const result = await runBulk({
      runner,
      states,
      pacing,
      tool: 'gl_ping',
      inputs: plan.targets.map((target) => target.value),
      concurrency: 2,
      fallbackCooldownSeconds: FALLBACK_S,
    });
    const ms = performance.now() - started;
    const minimum = (plan.targets.length - 1) * COOLDOWN_S * 1000 + LATENCY_MS;
    const calls = emulator.requests.length;
    const limited = emulator.requests.filter((request) => request.status === 429).length;
    const answered = result.rows.filter((row) => row.status === 'ok').length;
    const accounted = calls === plan.targets.length + limited ? 'yes' : 'NO';
    return {
      name: `scheduling: ${plan.targets.length} unique + ${plan.duplicates} duplicate IPs, ${COOLDOWN_S} s cooldown, ${name}`,
      ms: round(ms),
      baselineMs: minimum,
      ratio: round(ms / minimum),
      note: `${limited} 429s; learned interval ${Math.round(pacing.intervalMs('gl_ping') ?? 0)} ms; ${calls} calls (= ${plan.targets.length} unique + 429s: ${accounted}); ${answered} answered; baseline: theoretical minimum ${plan.targets.length - 1} × ${COOLDOWN_S} s + ${LATENCY_MS} ms; goal ratio ≤ 1.10, ≤ 2 429s`,
    };
  } finally {
    await emulator.close();
  }
}

/** A bulk run against the emulator's cooldown, announced three ways, against the least time the cooldown allows. */
export async function benchScheduling(): Promise<BenchRow[]> {
  return [
    await scenario('Retry-After header', {}),
    await scenario('wait only in the message', { retryAfterHeader: false }),
    await scenario(`no hint (fallback ${FALLBACK_S} s)`, { retryAfterHeader: false, retryHintInMessage: false }),
  ];
}
