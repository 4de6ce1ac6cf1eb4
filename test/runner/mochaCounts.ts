// Strips colour codes, so counts are found whether or not the reporter used colours.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Reads mocha's "N passing / N failing / N pending" summary out of reporter output. */
export class MochaCounts {
  passing?: number;
  failing?: number;
  pending?: number;

  observe(text: string): void {
    for (const line of text.replace(ANSI, '').split('\n')) {
      const match = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
      if (match) this[match[2] as 'passing' | 'failing' | 'pending'] = Number(match[1]);
    }
  }

  /** True once mocha printed its summary (it always prints "N passing", even for 0). */
  get complete(): boolean {
    return this.passing !== undefined;
  }
}
