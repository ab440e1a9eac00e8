/**
 * The available units (FREE or RETURNING) kept indexed as they change, so that dispatch reads the
 * units it may send instead of scanning the whole fleet for every pending incident: one sorted
 * list of every available unit, one per BCU slot and one per area. Lists hold unit numbers in
 * ascending order (dispatch breaks ties by the lower unit number, so order matters).
 */

/** A set of small non-negative integers kept as a sorted array. */
export class SortedIntSet {
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 16) {
    this.items = new Int32Array(Math.max(4, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The i-th smallest member (0 <= i < size). */
  at(i: number): number {
    return this.items[i]!;
  }

  has(x: number): boolean {
    const i = this.lowerBound(x);
    return i < this.count && this.items[i] === x;
  }

  /** Adds `x`; false when it was already there. */
  add(x: number): boolean {
    const i = this.lowerBound(x);
    if (i < this.count && this.items[i] === x) return false;
    if (this.count === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items.copyWithin(i + 1, i, this.count);
    this.items[i] = x;
    this.count++;
    return true;
  }

  /** Removes `x`; false when it was not there. */
  delete(x: number): boolean {
    const i = this.lowerBound(x);
    if (i >= this.count || this.items[i] !== x) return false;
    this.items.copyWithin(i, i + 1, this.count);
    this.count--;
    return true;
  }

  /** The members in ascending order, as a new array. */
  toArray(): number[] {
    const out = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[i]!;
    return out;
  }

  /** Index of the first member >= x. */
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
