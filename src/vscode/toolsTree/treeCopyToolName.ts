import * as vscode from 'vscode';
import type { Services } from '../services';
import { toolFromArgument } from '../run/toolFromArgument';

export async function treeCopyToolName(services: Services, node: unknown): Promise<void> {
  const tool = toolFromArgument(services, node);
  if (tool) await vscode.env.clipboard.writeText(tool.name);
}
