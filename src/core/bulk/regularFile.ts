import { constants, promises as fs, type Stats } from 'node:fs';

/** What a path turned out to be; bulk runs read regular files only. */
export type FileKind = 'file' | 'folder' | 'device' | 'fifo' | 'socket' | 'missing' | 'other';

/** Why a file is not read: its kind, and where a link pointed when the path was one. */
export interface SourceRefusal {
  kind: Exclude<FileKind, 'file'>;
  /** The link's target as written in the link, when the path was a symbolic link. */
  linkTarget?: string;
}

/** An open regular file and its size; the caller closes the handle. */
export interface OpenedFile {
  handle: fs.FileHandle;
  size: number;
}

/**
 * A file that is not on this computer (Remote, a virtual file system) is read whole, so it is
 * refused above this size: a scan of a local file reads it in pieces instead.
 */
export const MAX_WHOLE_READ_BYTES = 64 * 1024 * 1024;

export function kindOf(
  stats: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}

/** The refusal for a file read whole through VS Code's file system (no kinds but file and folder there), or undefined. */
export function wholeReadRefusal(stat: { isFile: boolean; isFolder: boolean; size: number }): SourceRefusal | 'too-large' | undefined {
  if (stat.isFolder) return { kind: 'folder' };
  if (!stat.isFile) return { kind: 'other' };
  return stat.size > MAX_WHOLE_READ_BYTES ? 'too-large' : undefined;
}

/**
 * Opens `path` for reading if (following a link) it is a regular file. A device such as
 * /dev/zero would be read forever and a FIFO blocks the thread that opens or reads it where no
 * cancel reaches, so the kind is decided on the opened descriptor (no swap between a check and
 * the open), and the open itself never waits (O_NONBLOCK: a FIFO without a writer opens at once).
 */
export async function openRegularFile(path: string): Promise<OpenedFile | SourceRefusal> {
  let linkTarget: string | undefined;
  try {
    if ((await fs.lstat(path)).isSymbolicLink()) linkTarget = await fs.readlink(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return { kind: 'missing' };
    throw error;
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return withLink({ kind: 'missing' }, linkTarget);
    if (isCode(error, 'ENXIO')) return withLink({ kind: 'socket' }, linkTarget); // a socket cannot be opened as a file
    throw error;
  }
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  const kind = kindOf(stats);
  if (kind === 'file') return { handle, size: stats.size };
  await handle.close();
  return withLink({ kind }, linkTarget);
}

export function isRefusal(value: OpenedFile | SourceRefusal): value is SourceRefusal {
  return 'kind' in value;
}

function withLink(refusal: SourceRefusal, linkTarget: string | undefined): SourceRefusal {
  return linkTarget === undefined ? refusal : { ...refusal, linkTarget };
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
