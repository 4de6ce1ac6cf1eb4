import * as assert from 'node:assert/strict';
import { callTool, type ToolCall } from '../../../src/core/api/apiClient';
import { ToolCallError } from '../../../src/core/errors';

/**
 * The ToolCallError `call` must fail with; the test fails when it succeeds, or when `secret`
 * shows anywhere in the error (its message, its stack, what the record would keep of it).
 */
export async function callFailure(call: ToolCall, secret: string): Promise<ToolCallError> {
  try {
    const answer = await callTool(call);
    throw new Error(`expected a failure, got status ${answer.status}: ${JSON.stringify(answer.data).slice(0, 300)}`);
  } catch (error) {
    if (!(error instanceof ToolCallError)) throw error;
    for (const text of [error.message, error.stack ?? '', JSON.stringify(error.toToolError())]) {
      assert.ok(!text.includes(secret), `the key leaked into: ${text}`);
    }
    return error;
  }
}
