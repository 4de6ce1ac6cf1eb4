import * as assert from 'node:assert/strict';
import type { ToolRun } from '../../src/core/errors';

/** The run, which must have failed: the test fails (showing what came instead) when it did not. */
export function failed(run: ToolRun): Extract<ToolRun, { ok: false }> {
  assert.equal(run.ok, false, `expected a failure, got ${JSON.stringify(run).slice(0, 300)}`);
  return run;
}
