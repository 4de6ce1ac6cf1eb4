import type { ToolCatalog } from '../catalog/catalog';
import { findTargets } from '../indicators/detectTarget';
import type { IpClass, Target, TargetKind } from '../indicators/target';

export interface Indicator {
  kind: Exclude<TargetKind, 'text'>;
  value: string;
  /** IPs only: the address class (public, private, documentation, ...). */
  class?: IpClass;
  /** IPs only: routable on the internet, so worth a ping. */
  public?: boolean;
  /** How often it occurs in the text. */
  count: number;
}

export interface IndicatorReport {
  indicators: Indicator[];
  /** Which catalog tools take each kind found, so the model knows what to call next. */
  tools: Partial<Record<'ip' | 'email' | 'domain', string[]>>;
}

/**
 * The one place the agent tools read indicators from text. Today it uses `findTargets`; when
 * target detection learns defanged forms (`1.2.3[.]4`, `hxxp://`), swap them in here.
 */
export function targetsIn(text: string): Target[] {
  return findTargets(text);
}

/** The unique IPs, networks, emails and domains in `text`, in order of first appearance. */
export function indicatorsIn(text: string, catalog: ToolCatalog): IndicatorReport {
  const byKey = new Map<string, Indicator>();
  for (const target of targetsIn(text)) {
    if (target.kind === 'text') continue;
    const key = `${target.kind}:${target.value}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const indicator: Indicator = { kind: target.kind, value: target.value, count: 1 };
    if (target.ip) {
      indicator.class = target.ip.class;
      indicator.public = target.ip.isPublic;
    }
    byKey.set(key, indicator);
  }
  const indicators = [...byKey.values()];
  const tools: IndicatorReport['tools'] = {};
  for (const kind of ['ip', 'email', 'domain'] as const) {
    if (indicators.some((indicator) => inputKindOf(indicator) === kind)) tools[kind] = catalog.forKind(kind).map((tool) => tool.name);
  }
  return { indicators, tools };
}

function inputKindOf(indicator: Indicator): 'ip' | 'email' | 'domain' {
  return indicator.kind === 'email' ? 'email' : indicator.kind === 'domain' ? 'domain' : 'ip';
}

/** "5 indicators: 3 IPs (2 public), 1 email, 1 domain". */
export function indicatorSummary(report: IndicatorReport): string {
  const { indicators } = report;
  if (indicators.length === 0) return 'No IPs, emails or domains found in the text; no API call was made.';
  const ips = indicators.filter((indicator) => indicator.kind === 'ipv4' || indicator.kind === 'ipv6' || indicator.kind === 'cidr');
  const publicIps = ips.filter((indicator) => indicator.public).length;
  const emails = indicators.filter((indicator) => indicator.kind === 'email').length;
  const domains = indicators.filter((indicator) => indicator.kind === 'domain').length;
  const parts = [
    ips.length ? `${ips.length} IP${ips.length === 1 ? '' : 's'} (${publicIps} public)` : '',
    emails ? `${emails} email${emails === 1 ? '' : 's'}` : '',
    domains ? `${domains} domain${domains === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${indicators.length} unique indicator${indicators.length === 1 ? '' : 's'}: ${parts.join(', ')}; no API call was made.`;
}
