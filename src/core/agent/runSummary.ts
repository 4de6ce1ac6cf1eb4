import type { ToolRun } from '../errors';
import { redact } from '../record/redact';
import { summarise } from '../render/summary';

type Success = Extract<ToolRun, { ok: true }>;

/** "gl_ping 8.8.8.8: OK (HTTP 200, 35 ms)." Our own words only: nothing the API wrote. */
export function runSummary(run: Success, input: string): string {
  const how = run.cached ? 'answered from the local cache, no quota spent' : `HTTP ${run.status}, ${run.durationMs} ms`;
  return `${run.tool} ${short(input)}: OK (${how}).`;
}

/**
 * "Alive: yes; Packet loss: 0%": the answer's digest for the model, built from the redacted
 * answer (a sample password in the stats stays masked) and shown inside the data block.
 */
export function runFacts(run: Success): string {
  return summarise(run.tool, redact(run.data).data)
    .map((item) => `${item.label}: ${item.value}`)
    .join('; ');
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
