import type { ToolCatalog } from '../catalog/catalog';
import type { ToolStateTracker } from '../catalog/toolState';

export interface ListedTool {
  name: string;
  label: string;
  description: string;
  category: string;
  inputKind: string;
  source: 'builtin' | 'user';
  /** ready, disabled, unknown, or "cooling down until <ISO time>". */
  state: string;
}

/** The catalog as a model sees it, with what real answers taught about each tool. */
export function listTools(
  catalog: ToolCatalog,
  states: ToolStateTracker,
  now = Date.now(),
): { summary: string; data: { tools: ListedTool[]; invalidUserTools: Array<{ name?: string; reason: string }> } } {
  const tools = catalog.tools.map((tool): ListedTool => {
    const state = states.stateOf(tool.name);
    const label =
      state.kind === 'cooling-down' && state.until > now
        ? `cooling down until ${new Date(state.until).toISOString()}${state.daily ? ' (daily limit)' : ''}`
        : state.kind === 'disabled'
          ? 'disabled for this API key'
          : state.kind === 'unknown'
            ? 'unknown to the API'
            : 'ready';
    return {
      name: tool.name,
      label: tool.label,
      description: tool.description,
      category: tool.category,
      inputKind: tool.inputKind,
      source: tool.source,
      state: label,
    };
  });
  const notReady = tools.filter((tool) => tool.state !== 'ready').length;
  const summary =
    `${tools.length} NiamonX tool${tools.length === 1 ? '' : 's'} (${tools.length - notReady} ready${notReady ? `, ${notReady} not` : ''}); ` +
    'run one with niamonx_run_tool (each run is a paid API call); no API call was made.';
  return { summary, data: { tools, invalidUserTools: catalog.invalid.map(({ name, reason }) => ({ ...(name ? { name } : {}), reason })) } };
}
