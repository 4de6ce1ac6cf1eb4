import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { lazy } from '../../core/lazy';

/** `executeCommand` arguments for the bulk commands: `{ tool?, uri? }`; menus pass a Uri or a tool node instead. */
const argsSchema = lazy(() =>
  z.object({
    tool: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    uri: z.optional(z.custom<vscode.Uri>((value) => value instanceof vscode.Uri, { message: 'uri must be a vscode.Uri' })),
  }),
);

export type BulkArgs = z.infer<ReturnType<typeof argsSchema>>;

/** Validated arguments, or an error message for the caller (never thrown at the user as a stack). */
export function parseBulkArgs(arg: unknown): BulkArgs | string {
  if (arg === undefined || arg === null) return {};
  if (arg instanceof vscode.Uri) return { uri: arg };
  const node = arg as { type?: unknown; tool?: { name?: unknown } };
  if (node.type === 'tool' && typeof node.tool?.name === 'string') return { tool: node.tool.name };
  const parsed = argsSchema().safeParse(arg);
  return parsed.success
    ? parsed.data
    : vscode.l10n.t('Invalid arguments: {0}', parsed.error.issues.map((issue) => issue.message).join('; '));
}
