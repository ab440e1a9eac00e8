/**
 * A binary min-heap of (key, value) pairs in typed arrays, for Dijkstra-style searches. Entries
 * are never updated in place: a search pushes a node again when its key improves and skips stale
 * entries when they come out (lazy deletion), which is simpler and in practice as fast as
 * decrease-key. Equal keys come out in an order fixed by the pushes, so searches are deterministic.
 */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** Smallest key; undefined behaviour when empty (check `size`). */
  peekKey(): number {
    return this.keys[0]!;
  }

  push(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest entry and returns its value; its key was `peekKey()`. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    const n = --this.count;
    if (n > 0) {
      const key = keys[n]!;
      const value = values[n]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= key) break;
        keys[i] = keys[child]!;
        values[i] = values[child]!;
        i = child;
      }
      keys[i] = key;
      values[i] = value;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
