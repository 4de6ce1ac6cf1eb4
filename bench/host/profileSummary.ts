import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a profiled activation's CPU time went, in ms: compiling scripts, each source file of
 * the extension bundle (mapped back through its source map when there is one), VS Code's
 * extension host, the garbage collector, Node, anything else.
 */
export function whereTimeWent(profileFile: string, bundleFile: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const mapFile = `${bundleFile}.map`;
  const map = existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node || ms <= 0) return;
    const place = placeOf(node.callFrame, bundleFile, map);
    totals.set(place, (totals.get(place) ?? 0) + ms);
  });
  return totals;
}

function placeOf(frame: ProfileNode['callFrame'], bundleFile: string, map: SourceMap | undefined): string {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (functionName === 'wrapSafe' || functionName === 'compileFunction') return 'compiling scripts (wrapSafe)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return '(idle: waiting for messages)';
  // The bundle runs from an installed copy: its path ends like ours.
  if (url.endsWith(`/${basename(dirname(bundleFile))}/${basename(bundleFile)}`)) {
    const source = map?.findEntry(lineNumber, columnNumber);
    const file = source && 'originalSource' in source ? source.originalSource : undefined;
    return `bundle: ${file ? file.replace(/^.*?(src|node_modules)\//, '$1/') : '(no source map)'}`;
  }
  if (url.includes('extensionHostProcess')) return 'VS Code extension host';
  if (url.startsWith('node:') || (!url.includes('/') && url !== '')) return 'Node';
  if (url === '') return `(${functionName || 'program'})`;
  return `other: ${url.replace(/^.*\/extensions\/([^/]+)\/.*$/, 'extension $1').replace(/^.*\//, '')}`;
}
