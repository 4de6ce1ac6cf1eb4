import type { ToolRun } from '../../core/errors';
import { runToolArgumentOf } from '../commands/commandArguments';
import { pickTool } from './pickTool';
import { runOnTarget } from './runOnTarget';
import type { Services } from '../services';
import { targetFromEditor } from '../editor/targetFromEditor';
import { detectInSelection } from '../../core/indicators/detectTarget';

/**
 * "NiamonX: Run Tool…". Arguments (all optional): a tool name, or `{ tool?, input? }`
 * (hover links pass the IP as `input`). Missing parts are asked for.
 */
export async function runTool(services: Services, arg?: unknown): Promise<ToolRun | undefined> {
  const { tool: toolName, input } = runToolArgumentOf(arg);
  const kind = input ? detectInSelection(input).inputKind : targetFromEditor()?.inputKind;
  const tool = toolName ? services.catalog().find(toolName) : await pickTool(services, kind);
  if (!tool) return undefined;
  return runOnTarget(services, tool, input);
}
