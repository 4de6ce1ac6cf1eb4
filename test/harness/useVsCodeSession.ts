import { startVsCodeSession, type SessionOptions, type VsCodeSession } from './session';

/**
 * Starts one VS Code session for the enclosing `describe` (before its tests), reports a failed
 * test with screenshots and logs, and closes the session after the tests. Returns a stand-in
 * that forwards to the live session, so tests write `session.page` as usual. `options` may be a
 * function, evaluated when the session starts (after earlier `before` hooks ran).
 */
export function useVsCodeSession(options: SessionOptions | (() => SessionOptions)): VsCodeSession {
  let live: VsCodeSession | undefined;
  before(async function () {
    live = await startVsCodeSession(typeof options === 'function' ? options() : options);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await live?.reportFailure(this.currentTest.fullTitle());
  });
  after(async function () {
    await live?.close();
    live = undefined;
  });
  return new Proxy({} as VsCodeSession, {
    get(_, property) {
      if (!live) throw new Error(`The VS Code session is not running (reading ${String(property)} outside a test).`);
      const value: unknown = Reflect.get(live, property, live);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(live) : value;
    },
  });
}
