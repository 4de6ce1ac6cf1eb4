import { plainTranslate, type Translate } from '../translate';
import { builtinTexts, localizedBuiltin } from './builtinTexts';
import { BUILTIN_TOOLS } from './builtinTools';
import type { InputKind, InvalidToolEntry, ToolDefinition } from './toolDefinition';
import { parseUserTools } from './userTools';

export interface ToolCatalog {
  /** Built-ins in their fixed order (a user override takes the built-in's place), then user tools. */
  tools: ToolDefinition[];
  invalid: InvalidToolEntry[];
  find(name: string): ToolDefinition | undefined;
  /** Tools that accept `kind`: those made for it first, then the rest, each group in catalog order. */
  forKind(kind: InputKind): ToolDefinition[];
}

/**
 * Built-ins (their labels in the user's language through `t`) plus the user's `niamonx.tools`;
 * a user entry named like a built-in replaces it.
 */
export function buildCatalog(userToolsSetting: unknown, t: Translate = plainTranslate): ToolCatalog {
  const { tools: userTools, invalid } = parseUserTools(userToolsSetting);
  const userByName = new Map(userTools.map((tool) => [tool.name, tool]));
  const texts = builtinTexts(t);
  const tools = [
    ...BUILTIN_TOOLS.map((builtin) => userByName.get(builtin.name) ?? localizedBuiltin(builtin, texts)),
    ...userTools.filter((tool) => !BUILTIN_TOOLS.some((builtin) => builtin.name === tool.name)),
  ];
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return {
    tools,
    invalid,
    find: (name) => byName.get(name),
    forKind: (kind) => {
      const accepting = tools.filter((tool) => tool.acceptedKinds.includes(kind));
      return [...accepting.filter((tool) => tool.inputKind === kind), ...accepting.filter((tool) => tool.inputKind !== kind)];
    },
  };
}
