/**
 * A small deterministic generator seeded from a string, so the same input always yields
 * the same fake data (tests can compare two answers; screenshots stay stable).
 */
export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    // FNV-1a over the UTF-16 code units gives a well-spread 32-bit start state.
    let hash = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    this.state = hash >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A date between 2012 and 2023 as YYYY-MM-DD. */
  date(): string {
    const year = this.int(2012, 2023);
    const month = String(this.int(1, 12)).padStart(2, '0');
    const day = String(this.int(1, 28)).padStart(2, '0');
    return `${year}-${month}-${day}`;
  }
}
