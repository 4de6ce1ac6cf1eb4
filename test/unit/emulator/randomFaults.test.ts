import assert from 'node:assert/strict';
import { EmulatorControl } from '../../../emulator/controlClient';
import { RandomFaults } from '../../../emulator/randomFaults';
import { callTool, useEmulator } from './harness';

const ping = { ip: '1.1.1.1' };
const soakRates = { serverError: 0.1, rateLimit: 0.05, slow: 0.02, malformed: 0.01 };

/** The kind a drawn fault stands for, as the soak counts them. */
function kindOf(fault: ReturnType<RandomFaults['next']>): string {
  if (!fault) return 'none';
  if (fault.type === 'status') return fault.status === 429 ? 'rate-limit' : 'server';
  return fault.type === 'slow' ? 'slow' : 'malformed';
}

describe('emulator: random faults', () => {
  const { emulator } = useEmulator();

  it('draws each kind at about its rate, the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const faults = new RandomFaults({ seed, ...soakRates });
      return Array.from({ length: 20_000 }, () => kindOf(faults.next('gl_ping')));
    };
    const first = draw(7);
    assert.deepEqual(draw(7), first, 'a seed replays its faults');
    assert.notDeepEqual(draw(8), first, 'another seed draws others');
    const share = (kind: string) => first.filter((drawn) => drawn === kind).length / first.length;
    for (const [kind, rate] of [
      ['server', 0.1],
      ['rate-limit', 0.05],
      ['slow', 0.02],
      ['malformed', 0.01],
    ] as const)
      assert.ok(Math.abs(share(kind) - rate) < rate * 0.2, `${kind}: ${share(kind)} drawn, ${rate} asked`);
  });

  it('only draws for the given tool, and rejects rates above 1', () => {
    const faults = new RandomFaults({ seed: 1, tool: 'gl_ping', serverError: 1 });
    assert.equal(faults.next('gl_whois'), undefined);
    assert.equal(kindOf(faults.next('gl_ping')), 'server');
    assert.throws(() => new RandomFaults({ seed: 1, serverError: 0.6, rateLimit: 0.6 }), /more than 1/);
  });

  it('answers requests with the drawn faults, records them, and stops on reset', async () => {
    const control = new EmulatorControl(emulator().origin);
    await control.configure({ randomFaults: { seed: 3, rateLimit: 0.5, malformed: 0.5, retryAfterSeconds: 2 } });
    const answers = await Promise.all(Array.from({ length: 40 }, () => callTool(emulator(), 'gl_ping', ping)));
    const limited = answers.filter((answer) => answer.status === 429);
    assert.ok(limited.length > 5 && limited.length < 35, `${limited.length} of 40 were 429`);
    assert.ok(limited.every((answer) => answer.headers.get('retry-after') === '2' && answer.json?.error === 'Too many requests'));
    const malformed = answers.filter((answer) => answer.status === 200);
    assert.equal(malformed.length, 40 - limited.length);
    assert.ok(
      malformed.every((answer) => answer.json === undefined),
      'the rest are 200s that are not JSON',
    );
    assert.deepEqual(
      emulator()
        .requests.map((request) => request.fault)
        .filter((fault) => fault === undefined),
      [],
      'each request is recorded with its fault',
    );
    // A queued fault comes first.
    emulator().injectFault({ type: 'status', status: 418 });
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 418);

    await control.reset();
    assert.equal((await callTool(emulator(), 'gl_ping', ping)).status, 200);
  });

  it('the control API refuses a bad random-fault config', async () => {
    const control = new EmulatorControl(emulator().origin);
    await assert.rejects(control.configure({ randomFaults: { seed: 1, slow: 2 } }), /HTTP 400/);
    await assert.rejects(control.configure({ randomFaults: { serverError: 0.1 } as never }), /HTTP 400/);
  });
});
