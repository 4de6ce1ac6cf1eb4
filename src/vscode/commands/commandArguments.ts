import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/exportFormats';
import { lazy } from '../../core/lazy';

// Command arguments come from menus, hover links, other extensions and scripts: untrusted.
// A part that does not fit is dropped (the command then asks for it), never trusted.

/** "Run Tool…": a tool name, or `{ tool?, input? }` (hover links pass the IP as `input`). */
const runToolArgument = lazy(() =>
  z.union([
    z.pipe(
      z.string(),
      z.transform((tool) => ({ tool, input: undefined })),
    ),
    z.object({ tool: z.catch(z.optional(z.string()), undefined), input: z.catch(z.optional(z.string()), undefined) }),
  ]),
);

/** Tree commands get the tree node `{ tool: { name } }`; scripts and tests may pass the tool name. */
const toolArgument = lazy(() =>
  z.union([
    z.string(),
    z.pipe(
      z.object({ tool: z.object({ name: z.string() }) }),
      z.transform((node) => node.tool.name),
    ),
  ]),
);

/** History commands get the tree element (a record); scripts and tests may pass its id. */
const recordArgument = lazy(() =>
  z.union([
    z.string(),
    z.pipe(
      z.object({ id: z.string() }),
      z.transform((record) => record.id),
    ),
  ]),
);

/** Export commands: `{ format, target }` skips the pickers (tests; see exportChoiceOf). */
const exportChoiceArgument = lazy(() =>
  z.object({
    format: z.catch(z.optional(z.enum(EXPORT_FORMATS)), undefined),
    target: z.catch(z.optional(z.custom<vscode.Uri>((value) => value instanceof vscode.Uri)), undefined),
  }),
);

export function runToolArgumentOf(arg: unknown): { tool?: string; input?: string } {
  const parsed = runToolArgument().safeParse(arg);
  return parsed.success ? parsed.data : {};
}

export function toolNameOf(arg: unknown): string | undefined {
  const parsed = toolArgument().safeParse(arg);
  return parsed.success ? parsed.data : undefined;
}

export function recordIdOf(arg: unknown): string | undefined {
  const parsed = recordArgument().safeParse(arg);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The export format and, from source or under test only, the file to write. Installed normally a
 * target from an argument is dropped: another extension must not make us write the user's
 * results where it chooses; the save dialog asks instead.
 */
export function exportChoiceOf(arg: unknown, targetAllowed: boolean): { format?: ExportFormat; target?: vscode.Uri } {
  const parsed = exportChoiceArgument().safeParse(arg);
  if (!parsed.success) return {};
  return targetAllowed ? parsed.data : { format: parsed.data.format };
}
