import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/** Where the host bench's CPU profiles go. */
export const PROFILE_DIR = join(__dirname, '..', '..', '..', 'test-artifacts', 'bench');

/** Runs `work` under the CPU profiler when NIAMONX_BENCH_PROFILE=1, writing test-artifacts/bench/<name>.cpuprofile. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (process.env.NIAMONX_BENCH_PROFILE !== '1') return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
