/** What `run` resolved to, and how many times the event loop turned while it ran (0: it blocked throughout). */
export async function eventLoopTurnsDuring<T>(run: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await run(), turns };
  } finally {
    running = false; // a failing run must not leave the ticker spinning (mocha would never exit)
  }
}
