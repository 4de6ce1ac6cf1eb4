import type { Translate } from '../translate';
import type { ToolDefinition } from './toolDefinition';

type ToolTexts = Pick<ToolDefinition, 'label' | 'description' | 'category'>;

/** What the user reads of each built-in tool, in the user's language; the API names stay as they are. */
export function builtinTexts(t: Translate): Record<string, ToolTexts> {
  const network = t('Network');
  const breach = t('Breach & leak');
  return {
    gl_ping: { label: t('Ping'), description: t('Basic health check (ping) of an IP address'), category: network },
    breaches_search: {
      label: t('Breach search'),
      description: t('Search breach data for an email, username, IP address or domain'),
      category: breach,
    },
    breaches_s_v2: {
      label: t('Breach search v2'),
      description: t('Search breach records for a value; the service detects its type'),
      category: breach,
    },
    ulp_search: {
      label: t('ULP search'),
      description: t('Search URL/login/password leak records by email, username or domain'),
      category: breach,
    },
  };
}

/** A built-in with its texts translated (frozen like the original). */
export function localizedBuiltin(tool: ToolDefinition, texts: Record<string, ToolTexts>): ToolDefinition {
  const translated = texts[tool.name];
  return translated ? Object.freeze({ ...tool, ...translated }) : tool;
}
