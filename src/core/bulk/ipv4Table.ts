/**
 * A hash table from IPv4 addresses (as 32-bit numbers) to values, by open addressing over
 * typed arrays: no boxed keys and no entry objects, so a whole file's addresses cost the
 * collector (and the garbage collector) far less than a Map.
 */
export class Ipv4Table<T> {
  private bits = 12;
  private keys = new Int32Array(1 << this.bits);
  /** 1 + the value's index, 0 where the slot is empty. */
  private slots = new Int32Array(1 << this.bits);
  private readonly values: T[] = [];

  get(address: number): T | undefined {
    const key = address | 0;
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return undefined;
      if (this.keys[i] === key) return this.values[slot - 1];
    }
  }

  /** Adds an address not in the table yet. */
  add(address: number, value: T): void {
    if ((this.values.length + 1) * 2 > this.keys.length) this.grow();
    this.values.push(value);
    this.place(address | 0, this.values.length);
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits); // Fibonacci hashing: the high bits
  }

  private place(key: number, slot: number): void {
    const mask = this.keys.length - 1;
    let i = this.home(key);
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.slots[i] = slot;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.slots = new Int32Array(1 << this.bits);
    for (let i = 0; i < keys.length; i++) if (slots[i] !== 0) this.place(keys[i], slots[i]);
  }
}
