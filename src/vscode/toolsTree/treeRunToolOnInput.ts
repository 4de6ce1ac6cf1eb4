import type { ToolRun } from '../../core/errors';
import { askForInput } from '../run/askForInput';
import type { Services } from '../services';
import { targetFromEditor } from '../editor/targetFromEditor';
import { toolFromArgument } from '../run/toolFromArgument';

/** "Run on Input…": always asks, pre-filled with the editor's target when it fits. */
export async function treeRunToolOnInput(services: Services, node: unknown): Promise<ToolRun | undefined> {
  const tool = toolFromArgument(services, node);
  if (!tool) return undefined;
  const target = targetFromEditor();
  const input = await askForInput(tool, target && tool.acceptedKinds.includes(target.inputKind) ? target.value : '');
  return input ? services.runs.run({ tool: tool.name, input, interactive: true }) : undefined;
}
