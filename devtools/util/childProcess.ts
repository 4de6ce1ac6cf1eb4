import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Runs a command to completion; rejects with its last output when it exits non-zero. */
export function run(command: string, args: string[], options: SpawnOptions & { logTo?: (chunk: string) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      options.logTo?.(text);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}:\n${output.slice(-4000)}`));
    });
  });
}

/** Ends a child started with `detached: true` together with everything it spawned. */
export async function killProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Children that ignored SIGTERM (extension hosts, watchers) must not outlive the run.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Detached process groups to end, and what else to undo, if this process exits first. */
const onExit = new Map<number, (() => void) | undefined>();

/**
 * Makes sure a detached child's process group does not outlive this process, however it
 * ends (a detached group gets no signal when its parent dies). Returns the undo.
 */
export function killGroupOnExit(child: ChildProcess, alsoOnExit?: () => void): () => void {
  const pid = child.pid;
  if (pid === undefined) return () => undefined;
  if (onExit.size === 0) process.once('exit', runExitSteps);
  onExit.set(pid, alsoOnExit);
  return () => {
    onExit.delete(pid);
    if (onExit.size === 0) process.off('exit', runExitSteps);
  };
}

function runExitSteps(): void {
  for (const [pid, alsoOnExit] of onExit) {
    signalGroup(pid, 'SIGKILL');
    try {
      alsoOnExit?.();
    } catch {
      // Best effort while exiting.
    }
  }
}
