/**
 * The available units (FREE or RETURNING) kept indexed as they change, so that dispatch reads the
 * units it may send instead of scanning the whole fleet for every pending incident: one sorted
 * list of every available unit, one per BCU slot and one per area. Lists hold unit numbers in
 * ascending order (dispatch breaks ties by the lower unit number, so order matters).
 */

/**
 * A set of small non-negative integers: a bitset (add, delete, has in constant time, as units come
 * and go at every change of state), read in ascending order through a sorted list rebuilt only when
 * read after a change.
 */
export class SortedIntSet {
  private words: Int32Array;
  private count = 0;
  /** The members in ascending order, valid while `dirty` is false. */
  private items: Int32Array;
  private dirty = false;

  constructor(capacity = 16) {
    this.words = new Int32Array(Math.max(1, (Math.max(4, capacity) + 31) >> 5));
    this.items = new Int32Array(Math.max(4, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The i-th smallest member (0 <= i < size). */
  at(i: number): number {
    if (this.dirty) this.rebuild();
    return this.items[i]!;
  }

  has(x: number): boolean {
    const w = x >> 5;
    return w < this.words.length && (this.words[w]! & (1 << (x & 31))) !== 0;
  }

  /** Adds `x`; false when it was already there. */
  add(x: number): boolean {
    if (!(x >= 0 && x <= 0x7fffffff && (x | 0) === x)) throw new Error(`sorted int set: ${x} is not a whole number in 0..2^31-1`);
    const w = x >> 5;
    if (w >= this.words.length) {
      const grown = new Int32Array(Math.max(w + 1, 2 * this.words.length));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (x & 31);
    const word = this.words[w]!;
    if ((word & bit) !== 0) return false;
    this.words[w] = word | bit;
    this.count++;
    this.dirty = true;
    return true;
  }

  /** Removes `x`; false when it was not there. */
  delete(x: number): boolean {
    const w = x >> 5;
    if (!(w >= 0 && w < this.words.length)) return false;
    const bit = 1 << (x & 31);
    const word = this.words[w]!;
    if ((word & bit) === 0) return false;
    this.words[w] = word & ~bit;
    this.count--;
    this.dirty = true;
    return true;
  }

  /** The members in ascending order, as a new array. */
  toArray(): number[] {
    if (this.dirty) this.rebuild();
    return Array.from(this.items.subarray(0, this.count));
  }

  /** The members in ascending order in [0, size) of the array returned: the set's own, valid until it next changes (never write to it). */
  sortedItems(): Int32Array {
    if (this.dirty) this.rebuild();
    return this.items;
  }

  /** Writes the members in ascending order into `out` from index 0 (its length untouched); returns how many. */
  copyTo(out: number[]): number {
    if (this.dirty) this.rebuild();
    const items = this.items;
    const n = this.count;
    for (let i = 0; i < n; i++) out[i] = items[i]!;
    return n;
  }

  private rebuild(): void {
    if (this.items.length < this.count) this.items = new Int32Array(Math.max(this.count, 2 * this.items.length));
    const items = this.items;
    let k = 0;
    const words = this.words;
    for (let w = 0; w < words.length && k < this.count; w++) {
      let bits = words[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        items[k++] = (w << 5) + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    this.dirty = false;
  }
}

/** Available units, indexed by BCU slot and by area. */
export class FreeUnits {
  /** Every available unit. */
  readonly all: SortedIntSet;
  /** Available units per BCU slot (see Fleet.bcuSlot). */
  readonly bySlot: SortedIntSet[];
  /** Available units per area index (units of no area are in none). */
  readonly byArea: SortedIntSet[];

  /**
   * `slotOf[u]` and `areaOf[u]` (-1: none) are fixed for the life of the fleet: a unit keeps its
   * station.
   */
  constructor(
    private readonly slotOf: Int32Array,
    private readonly areaOf: Int32Array,
    slots: number,
    areas: number,
  ) {
    this.all = new SortedIntSet(slotOf.length);
    this.bySlot = Array.from({ length: slots }, () => new SortedIntSet());
    this.byArea = Array.from({ length: areas }, () => new SortedIntSet());
  }

  add(u: number): void {
    if (!this.all.add(u)) throw new Error(`free units: unit ${u} is already available`);
    this.bySlot[this.slotOf[u]!]!.add(u);
    const a = this.areaOf[u]!;
    if (a >= 0) this.byArea[a]!.add(u);
  }

  delete(u: number): void {
    if (!this.all.delete(u)) throw new Error(`free units: unit ${u} is not available`);
    this.bySlot[this.slotOf[u]!]!.delete(u);
    const a = this.areaOf[u]!;
    if (a >= 0) this.byArea[a]!.delete(u);
  }
}
