/** Undo steps run last-in first-out, once, at the end or on Ctrl+C. */
export class Cleanup {
  private readonly steps: Array<{ what: string; step: () => Promise<void> | void }> = [];

  add(what: string, step: () => Promise<void> | void): void {
    this.steps.push({ what, step });
  }

  async run(): Promise<void> {
    for (let next = this.steps.pop(); next; next = this.steps.pop()) {
      try {
        await next.step();
      } catch (error) {
        console.error(`Cleanup: could not ${next.what}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Ctrl+C (or a CI cancel) runs these steps, then exits; the exit itself ends any code-server
   * still running (see killGroupOnExit).
   */
  runOnInterrupt(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.log(`\n${signal}: stopping…`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }
}
