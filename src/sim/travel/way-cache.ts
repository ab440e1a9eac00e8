/**
 * Road ways between pairs of places met before (road.ts `trip`): the road milliseconds of each
 * pair, where the search spaces met (so that a route found later from a kept time merges no
 * spaces: London week, 1,417 merges of four pairs of spaces down to 69), and its route once some
 * trip needed it (roads/query/route.ts CompactRoute), kept in flat typed arrays rather than an
 * object per pair (a year's run keeps some 200,000 pairs: about 20 MB here, 85 MB as objects and
 * maps).
 *
 * - Places are compared by identity, as the simulator hands the same Place object for a base, and
 *   for a demand point, every time: each gets a number when first kept (a WeakMap, so a place let go
 *   is forgotten), and pairs of numbers are kept in an open-addressing table.
 * - A route is kept as its two end pieces (edge, metres, ms) and its hierarchy arcs, in arrays
 *   shared by all routes; a trip gets a CompactRoute over them (`routeAt`).
 * - At `capacity` pairs, everything is dropped and the count starts again (a new generation: a
 *   trip keeps a route only into the generation it was timed in).
 */
import { CompactRoute, type EdgePiece, type PackedArcs } from '../roads/query/route';

/** Floats per kept route: first piece (fromM, toM, ms), last piece (fromM, toM, ms). */
const FLOATS = 6;
/** Ints per kept route before its arcs: first edge, last edge (-1: none), arc count. */
const INTS = 3;

/** What every route of one travel model shares (CompactRoute's constructor). */
interface RouteContext {
  readonly packed: PackedArcs;
  readonly edgeWeightMs: Uint32Array;
  readonly edgeLengthM: Float64Array;
}

export class WayCache {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  /**
   * Open-addressing index of the pairs kept (-1: empty), at most half full: it starts small and
   * doubles, so a run touches memory as it keeps pairs (a 10.5 MB table made up front was paged in
   * at random over the first simulated day).
   */
  private index: Int32Array;
  /**
   * Per pair, in the order kept (a pair's slot): origin and destination numbers, ms, where the
   * search spaces met when the ms was found (RoadQueries.lastMeeting, NaN: none), kept route (-1: none).
   */
  private keyO = new Int32Array(0);
  private keyD = new Int32Array(0);
  private msOf = new Float64Array(0);
  private metOf = new Float64Array(0);
  private routeOf = new Int32Array(0);
  private count = 0;
  private gen = 0;
  /** Kept routes: floats (FLOATS per route), ints (where in `ints` each route starts). */
  private floats = new Float64Array(0);
  private ints = new Int32Array(0);
  private intAt = new Int32Array(0);
  private routes = 0;
  private intsUsed = 0;
  private context: RouteContext | null = null;

  constructor(private readonly capacity: number) {
    this.index = new Int32Array(capacity > 0 ? INDEX_START : 0).fill(-1);
  }

  /** Pairs kept now. */
  get size(): number {
    return this.count;
  }

  /** Times the cache was emptied on reaching its capacity (a slot is good only within one). */
  get generation(): number {
    return this.gen;
  }

  /** The slot of the pair (origin, dest), or -1 when it is not kept. */
  find(origin: object, dest: object): number {
    if (this.capacity <= 0) return -1;
    const o = this.ids.get(origin);
    const d = this.ids.get(dest);
    if (o === undefined || d === undefined) return -1;
    const { index, keyO, keyD } = this;
    const mask = index.length - 1;
    for (let at = hash(o, d) & mask; ; at = (at + 1) & mask) {
      const k = index[at]!;
      if (k === -1) return -1;
      if (keyO[k] === o && keyD[k] === d) return k;
    }
  }

  /** Road ms of the pair at `slot`. */
  ms(slot: number): number {
    return this.msOf[slot]!;
  }

  /**
   * Where the spaces met when the ms of the pair at `slot` was found (NaN: unknown): a route found
   * later for the pair need not merge the spaces again (RoadQueries.route's `met`).
   */
  met(slot: number): number {
    return this.metOf[slot]!;
  }

  /** Keeps the pair (not kept yet) with its road ms and where the spaces met (NaN: unknown); its slot, or -1 when nothing is kept. */
  add(origin: object, dest: object, ms: number, met = NaN): number {
    if (this.capacity <= 0) return -1;
    if (this.count >= this.capacity) this.clear();
    const o = this.idOf(origin);
    const d = this.idOf(dest);
    const k = this.count++;
    if (k >= this.keyO.length) {
      const size = Math.min(Math.max(ENTRIES_START, 2 * this.keyO.length), this.capacity);
      this.keyO = grown(this.keyO, size);
      this.keyD = grown(this.keyD, size);
      this.msOf = grown(this.msOf, size);
      this.metOf = grown(this.metOf, size);
      this.routeOf = grown(this.routeOf, size);
    }
    this.keyO[k] = o;
    this.keyD[k] = d;
    this.msOf[k] = ms;
    this.metOf[k] = met;
    this.routeOf[k] = -1;
    if (2 * this.count > this.index.length) this.reindex(2 * this.index.length);
    else this.put(k);
    return k;
  }

  /** Puts the pair at slot `k` in the index. */
  private put(k: number): void {
    const index = this.index;
    const mask = index.length - 1;
    let at = hash(this.keyO[k]!, this.keyD[k]!) & mask;
    while (index[at] !== -1) at = (at + 1) & mask;
    index[at] = k;
  }

  /** A new index of `size` slots holding every pair kept. */
  private reindex(size: number): void {
    this.index = new Int32Array(size).fill(-1);
    for (let k = 0; k < this.count; k++) this.put(k);
  }

  /** The route kept at `slot` in generation `gen` (a new CompactRoute over the kept arrays), or null. */
  routeAt(slot: number, gen: number): CompactRoute | null {
    if (slot < 0 || gen !== this.gen) return null;
    const r = this.routeOf[slot]!;
    const context = this.context;
    if (r < 0 || !context) return null;
    const f = this.floats;
    const q = r * FLOATS;
    const p = this.intAt[r]!;
    const ints = this.ints;
    const lastEdge = ints[p + 1]!;
    const first: EdgePiece = { edge: ints[p]!, fromM: f[q]!, toM: f[q + 1]!, ms: f[q + 2]! };
    const last: EdgePiece | null = lastEdge >= 0 ? { edge: lastEdge, fromM: f[q + 3]!, toM: f[q + 4]!, ms: f[q + 5]! } : null;
    const arcs = ints.subarray(p + INTS, p + INTS + ints[p + 2]!);
    return new CompactRoute(context.packed, context.edgeWeightMs, context.edgeLengthM, first, arcs, last);
  }

  /** Keeps `route` for the pair at `slot`, if it is still the pair it was in generation `gen`. */
  keepRoute(slot: number, gen: number, route: CompactRoute): void {
    if (slot < 0 || gen !== this.gen || this.routeOf[slot]! >= 0) return;
    if (!this.context) this.context = { packed: route.packed, edgeWeightMs: route.edgeWeightMs, edgeLengthM: route.edgeLengthM };
    const n = route.arcs.length;
    const r = this.routes++;
    if ((r + 1) * FLOATS > this.floats.length) this.floats = grown(this.floats, (r + 1) * FLOATS);
    if (r + 1 > this.intAt.length) this.intAt = grown(this.intAt, r + 1);
    const q = r * FLOATS;
    const f = this.floats;
    const { first, last } = route;
    f[q] = first.fromM;
    f[q + 1] = first.toM;
    f[q + 2] = first.ms;
    f[q + 3] = last ? last.fromM : 0;
    f[q + 4] = last ? last.toM : 0;
    f[q + 5] = last ? last.ms : 0;
    const p = this.intsUsed;
    if (p + INTS + n > this.ints.length) this.ints = grown(this.ints, p + INTS + n);
    const ints = this.ints;
    ints[p] = first.edge;
    ints[p + 1] = last ? last.edge : -1;
    ints[p + 2] = n;
    ints.set(route.arcs, p + INTS);
    this.intsUsed = p + INTS + n;
    this.intAt[r] = p;
    this.routeOf[slot] = r;
  }

  private idOf(place: object): number {
    let id = this.ids.get(place);
    if (id === undefined) this.ids.set(place, (id = this.nextId++));
    return id;
  }

  /** Drops every pair and route (routes handed out keep the arrays they were made over). */
  private clear(): void {
    this.index.fill(-1);
    this.count = 0;
    this.gen++;
    this.floats = new Float64Array(0);
    this.ints = new Int32Array(0);
    this.intAt = new Int32Array(0);
    this.routes = 0;
    this.intsUsed = 0;
  }
}

/** Index slots to start with (it doubles to stay at most half full). */
const INDEX_START = 4096;
/** Pairs to make room for at first (doubling up to the capacity). */
const ENTRIES_START = 1024;

function hash(o: number, d: number): number {
  let h = Math.imul(o, 0x9e3779b1) ^ Math.imul(d + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** A copy of `a` with room for at least `n` (doubling). */
function grown<T extends Float64Array | Int32Array>(a: T, n: number): T {
  let size = Math.max(64, a.length);
  while (size < n) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
