import type { ResultRecord } from '../../../src/core/record/resultRecord';

/** A successful record with sensible defaults; override what a test is about. */
export function okRecord(overrides: Partial<ResultRecord> = {}): ResultRecord {
  return {
    id: 'r1',
    tool: 'gl_ping',
    input: '1.1.1.1',
    startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    durationMs: 42,
    status: 200,
    ok: true,
    data: { alive: true },
    ...overrides,
  };
}
