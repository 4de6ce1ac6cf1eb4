import { buildCatalog } from '../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../src/core/catalog/toolState';
import { ToolRunner } from '../../src/core/run/toolRunner';
import { runWorkload } from './workload';

/**
 * The plain-Node side of the extension-host benchmark: the same workload through the
 * ToolRunner alone, in a process of its own, against the emulator the host bench uses.
 * argv: <api base URL> <key> <round> [calls]; prints the WorkloadResult as JSON.
 */
async function main(): Promise<void> {
  const [baseUrl, key, round, calls] = process.argv.slice(2);
  const runner = new ToolRunner({
    catalog: () => buildCatalog([]),
    settings: () => ({ baseUrl, timeoutMs: 20_000, cacheTtlSeconds: 60 }),
    apiKey: async () => key,
    states: new ToolStateTracker(),
  });
  const result = await runWorkload(
    (tool, input) => runner.run({ tool, input }).then((outcome) => outcome.run),
    Number(round),
    calls ? Number(calls) : undefined,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
