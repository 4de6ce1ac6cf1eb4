import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The extension host runs without --expose-gc: switch it on and get the gc function. */
export function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The heap in use after two forced collections, in MiB (what the soaks compare). */
export function heapMiB(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
