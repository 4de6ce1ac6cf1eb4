import { performance } from 'node:perf_hooks';
import { scanInSlices } from '../src/core/bulk/extract';
import { findTargets } from '../src/core/indicators/detectTarget';
import { HeldAnswers } from '../src/core/verdicts/heldAnswers';
import { BUILTIN_TOOLS } from '../src/core/catalog/builtinTools';
import { lineVerdicts, type VisibleText } from '../src/vscode/verdicts/visibleIndicators';
import { medianMs, round, type BenchRow } from './measure';
import { longestStall } from './measure';

const LOG_CHARS = 20 * 1024 * 1024;
const VISIBLE_LINES = 60;
const SCROLLS = 20;

function ipOf(i: number): string {
  return `${1 + ((i >>> 16) % 223)}.${(i >>> 8) & 255}.${i & 255}.${(i * 7) & 255}`;
}

/** A 20 MB firewall log (about 300,000 lines), every line with two addresses, one of them defanged now and then. */
function logLines(): string[] {
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; chars < LOG_CHARS; i++) {
    const src = ipOf(i % 20_000);
    const shown = i % 10 === 0 ? src.replaceAll('.', '[.]') : src;
    const line = `2026-11-26T10:${String(i % 60).padStart(2, '0')}:00Z fw ACCEPT src=${shown} dst=10.0.${i & 255}.5 bytes=${i % 9973}`;
    lines.push(line);
    chars += line.length + 1;
  }
  return lines;
}

/** The answers of a bulk run on the log: 5,000 addresses pinged, 1,000 of them breach-searched ("high"). */
function heldAnswers(): HeldAnswers {
  const held = new HeldAnswers(
    () => [],
    (name) => BUILTIN_TOOLS.find((tool) => tool.name === name),
  );
  const ping = { alive: true, rtt: { min: 40, avg: 42, max: 45 }, packet_loss: 0, location: { city: 'Ashburn', country: 'US' } };
  held.remember(Array.from({ length: 5000 }, (_, i) => ({ tool: 'gl_ping', value: ipOf(i), data: ping, at: 1 })));
  const breach = { status: 'found', meta: { blocks_total: 3 }, risk: { score: 70, level: 'high' } };
  held.remember(Array.from({ length: 1000 }, (_, i) => ({ tool: 'breaches_search', value: ipOf(i), data: breach, at: 2 })));
  return held;
}

function editorAt(lines: string[], top: number): VisibleText {
  return {
    document: { lineCount: lines.length, lineAt: (line: number) => ({ text: lines[line] }) },
    visibleRanges: [{ start: { line: top }, end: { line: top + VISIBLE_LINES - 1 } }],
  };
}

/**
 * Inline verdicts on a 20 MB log: decorating the visible range (60 lines) and updating after a
 * scroll, against scanning the same lines alone; the longest event-loop block over 20 scrolls
 * (each update runs once scrolling stops); and the findings scan of the whole document in slices.
 */
export async function benchVerdicts(): Promise<BenchRow[]> {
  const lines = logLines();
  const held = heldAnswers();
  const top = Math.floor(lines.length / 2);
  const visibleScan = () => {
    let n = 0;
    for (let line = top; line < top + VISIBLE_LINES; line++) n += findTargets(lines[line]).length;
    return n;
  };
  const first = medianMs(() => lineVerdicts(editorAt(lines, 0), held));
  const scrolled = medianMs(() => lineVerdicts(editorAt(lines, top), held));
  const baseline = medianMs(visibleScan);
  const scrollStall = await longestStall(async () => {
    for (let i = 0; i < SCROLLS; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      lineVerdicts(editorAt(lines, (i * 15_551) % (lines.length - VISIBLE_LINES)), held);
    }
  });
  const text = lines.join('\n');
  const findingsScan = async () => {
    const memo = new Map<string, number>();
    let sites = 0;
    await scanInSlices(text, ['ip', 'domain', 'email'], {}, (targets) => {
      for (const target of targets) {
        let findings = memo.get(target.value);
        if (findings === undefined) {
          findings = held.lookup(target.value).reduce((sum, answer) => sum + answer.findings.length, 0);
          memo.set(target.value, findings);
        }
        if (findings > 0 && sites < 1000) sites++;
      }
    });
    return sites;
  };
  const findingsStart = performance.now();
  const findingsStall = await longestStall(findingsScan);
  const findingsMs = performance.now() - findingsStart;
  return [
    {
      name: 'inline verdicts: decorate the visible 60 lines of a 20 MB log',
      ms: round(first),
      baselineMs: round(baseline),
      ratio: round(first / baseline),
      note: 'baseline: scanning the same lines for targets alone',
    },
    {
      name: 'inline verdicts: update after scrolling to the middle',
      ms: round(scrolled),
      baselineMs: round(baseline),
      ratio: round(scrolled / baseline),
      note: `${lineVerdicts(editorAt(lines, top), held).length} lines decorated`,
    },
    {
      name: `inline verdicts: longest event-loop block, ${SCROLLS} scroll updates`,
      ms: round(scrollStall),
      baselineMs: round(scrolled),
      ratio: round(scrollStall / scrolled),
      note: 'goal ≤ 100 ms; baseline: one update',
    },
    {
      name: 'findings: longest event-loop block, 20 MB document scanned in slices',
      ms: round(findingsStall),
      baselineMs: round(findingsMs),
      ratio: round(findingsStall / findingsMs),
      note: 'goal ≤ 100 ms; baseline: the whole scan',
    },
  ];
}
