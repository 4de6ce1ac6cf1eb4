import type { ToolRun } from '../errors';
import { summarise } from '../render/summary';

/** "gl_ping 8.8.8.8: OK (HTTP 200, 35 ms). Alive: yes; Packet loss: 0%". */
export function runSummary(run: Extract<ToolRun, { ok: true }>, input: string): string {
  const how = run.cached ? 'answered from the local cache, no quota spent' : `HTTP ${run.status}, ${run.durationMs} ms`;
  const facts = summarise(run.tool, run.data)
    .map((item) => `${item.label}: ${item.value}`)
    .join('; ');
  return `${run.tool} ${short(input)}: OK (${how}).${facts ? ` ${facts}.` : ''} JSON of the answer follows.`;
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
