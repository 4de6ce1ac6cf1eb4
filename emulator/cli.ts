import { parseArgs } from 'node:util';
import { startEmulator } from './server';

const USAGE = `Usage: node out/emulator/cli.js [--port N] [--cooldown S] [--daily N] [--latency MS] [--disable tool,tool]
  --port      port on 127.0.0.1 (default 8787; 0 picks a free one)
  --cooldown  seconds between successful calls of a tool per key (default 0: off)
  --daily     successful calls per key per UTC day (default unlimited)
  --latency   delay in ms before every answer (default 0)
  --disable   comma-separated tools that answer 403
The demo key is $NIAMONX_EMULATOR_KEY, or nx-demo-key-0000.`;

const DEFAULT_KEY = 'nx-demo-key-0000';

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      cooldown: { type: 'string' },
      daily: { type: 'string' },
      latency: { type: 'string' },
      disable: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const key = process.env.NIAMONX_EMULATOR_KEY || DEFAULT_KEY;
  const emulator = await startEmulator({
    port: wholeNumber('port', values.port) ?? 8787,
    keys: [key],
    config: {
      cooldownSeconds: wholeNumber('cooldown', values.cooldown) ?? 0,
      dailyLimit: wholeNumber('daily', values.daily) ?? null,
      latencyMs: wholeNumber('latency', values.latency) ?? 0,
      disabledTools:
        values.disable
          ?.split(',')
          .map((tool) => tool.trim())
          .filter(Boolean) ?? [],
    },
  });
  console.log(`NiamonX emulator listening at ${emulator.url}`);
  console.log(`Demo API key: ${key}`);
  console.log(
    `Point the extension at it: set "niamonx.apiBaseUrl" to "${emulator.url}" and store the demo key (command "NiamonX: Set API Key").`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = (signal: string): void => {
    console.log(`Received ${signal}, stopping the emulator.`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
});
