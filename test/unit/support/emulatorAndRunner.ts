import { startEmulator, type Emulator } from '../../../emulator/server';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { ToolStateTracker } from '../../../src/core/catalog/toolState';
import { ToolRunner, type RunnerDeps } from '../../../src/core/run/toolRunner';

/**
 * Registers mocha hooks: one emulator knowing `keys` for the whole describe block (starting one
 * per test would cost more than most tests), its requests, faults and limits reset before each
 * test. Returns it; it exists only inside a test.
 */
export function useSharedEmulator(...keys: string[]): () => Emulator {
  let emulator: Emulator | undefined;
  before(async () => {
    emulator = await startEmulator({ keys });
  });
  after(() => emulator?.close());
  beforeEach(() => emulator?.reset());
  return () => {
    if (!emulator) throw new Error('the emulator only exists inside a test');
    return emulator;
  };
}

/** A runner with the built-in tools and states of its own, unless the test gives others. */
export function testRunner(deps: Pick<RunnerDeps, 'settings' | 'apiKey'> & Partial<RunnerDeps>): ToolRunner {
  return new ToolRunner({ catalog: () => buildCatalog([]), states: new ToolStateTracker(), ...deps });
}
