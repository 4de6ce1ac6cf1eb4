import type { CacheFile } from '../../../src/core/run/persistentCache';

/** A cache file in memory that counts its reads. */
export function memoryFile(initial?: string): CacheFile & { text: string | undefined; reads: number } {
  const file = {
    text: initial,
    reads: 0,
    read: async () => {
      file.reads++;
      return file.text;
    },
    write: async (text: string) => {
      file.text = text;
    },
  };
  return file;
}
