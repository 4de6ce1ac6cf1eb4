import { BREACH_RISK_FINDING, ULP_CREDENTIALS_FINDING } from '../verdicts/findingRules';
import type { InputKind, ToolDefinition } from './toolDefinition';

/** `ulp_search` takes an explicit type for the kinds it names; anything else is left to the service. */
function ulpType(kind: InputKind | undefined): string {
  return kind === 'email' || kind === 'username' || kind === 'domain' ? kind : 'auto';
}

/**
 * The tools whose bodies are known (vendor example for gl_ping, public client code for the
 * rest, see the API notes). Descriptions stay within what those sources show.
 */
export const BUILTIN_TOOLS: readonly ToolDefinition[] = Object.freeze(
  (
    [
      {
        name: 'gl_ping',
        label: 'Ping',
        description: 'Basic health check (ping) of an IP address',
        category: 'Network',
        inputKind: 'ip',
        acceptedKinds: ['ip'],
        primaryField: 'ip',
        buildBody: (input: string) => ({ ip: input }),
        source: 'builtin',
      },
      {
        name: 'breaches_search',
        label: 'Breach search',
        description: 'Search breach data for an email, username, IP address or domain',
        category: 'Breach & leak',
        inputKind: 'email',
        acceptedKinds: ['email', 'username', 'ip', 'domain', 'text'],
        primaryField: 'query',
        buildBody: (input: string) => ({ query: input }),
        source: 'builtin',
        findings: [BREACH_RISK_FINDING],
      },
      {
        name: 'breaches_s_v2',
        label: 'Breach search v2',
        description: 'Search breach records for a value; the service detects its type',
        category: 'Breach & leak',
        inputKind: 'email',
        acceptedKinds: ['email', 'username', 'domain', 'text'],
        primaryField: 'value',
        buildBody: (input: string) => ({ value: input, type: 'auto' }),
        source: 'builtin',
      },
      {
        name: 'ulp_search',
        label: 'ULP search',
        description: 'Search URL/login/password leak records by email, username or domain',
        category: 'Breach & leak',
        inputKind: 'domain',
        acceptedKinds: ['domain', 'email', 'username', 'text'],
        primaryField: 'value',
        buildBody: (input: string, kind?: InputKind) => ({ action: 'search', value: input, type: ulpType(kind), exact: true, limit: 200 }),
        source: 'builtin',
        findings: [ULP_CREDENTIALS_FINDING],
      },
    ] satisfies ToolDefinition[]
  ).map((tool) => Object.freeze(tool)),
);
