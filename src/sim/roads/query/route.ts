/**
 * The road part of a trip kept compact: the part of the edge it leaves by, the contraction
 * hierarchy's arcs in between (shortcuts not unpacked) and the part of the edge it arrives by.
 * Where a unit is at an instant is found by walking down one shortcut (a few steps), not by
 * unpacking the whole path: dispatch asks where each returning unit is, and most trips are never
 * drawn. `pieces()` unpacks the whole way when a trip is drawn.
 *
 * Times follow the trip's one formula (see `RouteTiming.at`): a piece starting `ms` road
 * milliseconds after the road part begins starts at min((accessOriginS + ms / 1000) x scale,
 * durationS) seconds after departure; the unpacked way (src/sim/travel/road-trip.ts) uses the same formula, so both
 * place a unit at exactly the same point.
 */
import type { Hierarchy } from '../hierarchy';

/** One driven piece of an edge: from `fromM` to `toM` metres along it, taking `ms` milliseconds. */
export interface EdgePiece {
  readonly edge: number;
  readonly fromM: number;
  readonly toM: number;
  readonly ms: number;
}

/**
 * The hierarchy's arcs packed for walking down shortcuts: each arc a record of four int32s in
 * `records`, [edge, left, right, leftMs], so that a step down a shortcut reads one 16-byte record
 * (the left half's milliseconds are in the parent's record, so going right reads no other arc):
 * `edge` is its road edge (-1 for a shortcut), `left` and `right` the two arcs a shortcut stands
 * for, `leftMs` the milliseconds of `left` (0 for an edge). `ms` holds each arc's milliseconds (the
 * edge's weight, or the sum of the two arcs').
 */
export interface PackedArcs {
  readonly records: Int32Array;
  readonly ms: Float64Array;
}

/** int32s per arc in PackedArcs `records`. */
export const ARC = 4;

export function packArcs(h: Hierarchy, edgeWeightMs: Uint32Array): PackedArcs {
  const n = h.arcEdge.length;
  const records = new Int32Array(n * ARC);
  const ms = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const e = h.arcEdge[a]!;
    const left = h.arcLeft[a]!;
    const right = h.arcRight[a]!;
    records[a * ARC] = e;
    records[a * ARC + 1] = left;
    records[a * ARC + 2] = right;
    if (e >= 0) {
      ms[a] = edgeWeightMs[e]!;
      continue;
    }
    // A shortcut is made from arcs that existed before it.
    if (!(left >= 0 && left < a && right >= 0 && right < a)) throw new Error(`hierarchy: shortcut ${a} stands for arcs ${left} and ${right}, not earlier arcs`);
    ms[a] = ms[left]! + ms[right]!;
    if (!(ms[left]! <= 0x7fffffff)) throw new Error(`hierarchy: shortcut ${a} has a first half of ${ms[left]} ms, beyond what a packed arc holds (2^31 - 1)`);
    records[a * ARC + 3] = ms[left]!;
  }
  return { records, ms };
}

/** Milliseconds of each hierarchy arc (packArcs' `ms`). */
export function arcWeightsMs(h: Hierarchy, edgeWeightMs: Uint32Array): Float64Array {
  return packArcs(h, edgeWeightMs).ms;
}

/** The timing of a trip's road part: seconds after departure at a point `ms` road milliseconds in. */
export interface RouteTiming {
  /** Seconds of the origin's access leg at base speed. */
  readonly accessOriginS: number;
  /** Travel-time multiplier of the departure. */
  readonly scale: number;
  /** Seconds from departure to arrival. */
  readonly durationS: number;
}

/** Seconds after departure at which the road part has run `ms` milliseconds. */
export function routeTimeS(timing: RouteTiming, ms: number): number {
  return Math.min((timing.accessOriginS + ms / 1000) * timing.scale, timing.durationS);
}

/**
 * A road piece found under an instant (CompactRoute.pieceAt): the edge, the metres driven along
 * it, and the seconds after departure at which the piece starts and ends. Reused from call to
 * call (dispatch asks where each returning unit is thousands of times a day): read it at once.
 */
export interface PieceAt {
  edge: number;
  fromM: number;
  toM: number;
  startS: number;
  endS: number;
}

/** The one PieceAt that pieceAt fills (the simulator runs one query at a time). */
const FOUND: PieceAt = { edge: -1, fromM: 0, toM: 0, startS: 0, endS: 0 };

function found(piece: EdgePiece | null, edge: number, fromM: number, toM: number, startS: number, endS: number): PieceAt {
  FOUND.edge = piece ? piece.edge : edge;
  FOUND.fromM = piece ? piece.fromM : fromM;
  FOUND.toM = piece ? piece.toM : toM;
  FOUND.startS = startS;
  FOUND.endS = endS;
  return FOUND;
}

export class CompactRoute {
  /** Milliseconds of the whole road part. */
  readonly totalMs: number = 0;
  /**
   * Road milliseconds at which each arc starts: a plain array (whole ms, so small integers), made
   * per route found; a Float64Array of a route's dozen arcs took an off-heap buffer, some 1 us to
   * make against 0.15 us (node 20).
   */
  private readonly arcStartMs: number[] = [];

  /**
   * `first` is driven first (the part of the edge the origin leaves by, or the whole trip when it
   * runs along one road); then `arcs` (hierarchy arcs, in driving order); then `last` (the part
   * of the edge into the destination), null when `first` is all.
   */
  constructor(
    /** The hierarchy's arcs, packed (packArcs). */
    readonly packed: PackedArcs,
    readonly edgeWeightMs: Uint32Array,
    readonly edgeLengthM: Float64Array,
    readonly first: EdgePiece,
    /** The hierarchy arcs between `first` and `last`, in driving order. */
    readonly arcs: Int32Array,
    readonly last: EdgePiece | null,
  ) {
    const starts = this.arcStartMs;
    let ms = first.ms;
    for (let i = 0; i < arcs.length; i++) {
      starts.push(ms);
      ms += packed.ms[arcs[i]!]!;
    }
    this.totalMs = ms + (last?.ms ?? 0);
  }

  /**
   * The last piece (in driving order) that starts at or before `t` seconds after departure, with
   * its start and end times: the piece the unpacked way would find (in the shared PieceAt). `t` must lie within the road
   * part: routeTimeS(timing, 0) <= t < routeTimeS(timing, totalMs).
   */
  pieceAt(timing: RouteTiming, t: number): PieceAt {
    const last = this.last;
    if (last) {
      const lastStartMs = this.totalMs - last.ms;
      if (routeTimeS(timing, lastStartMs) <= t) return found(last, 0, 0, 0, routeTimeS(timing, lastStartMs), routeTimeS(timing, this.totalMs));
    }
    // The last arc whose first edge starts at or before t.
    const starts = this.arcStartMs;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (routeTimeS(timing, starts[mid]!) <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return found(this.first, 0, 0, 0, routeTimeS(timing, 0), routeTimeS(timing, this.first.ms));
    // Down the shortcut: the right half holds the answer when its first edge starts in time.
    const records = this.packed.records;
    let at = this.arcs[lo - 1]! * ARC;
    let startMs = starts[lo - 1]!;
    while (records[at]! < 0) {
      const rightStart = startMs + records[at + 3]!;
      if (routeTimeS(timing, rightStart) <= t) {
        at = records[at + 2]! * ARC;
        startMs = rightStart;
      } else at = records[at + 1]! * ARC;
    }
    const edge = records[at]!;
    return found(null, edge, 0, this.edgeLengthM[edge]!, routeTimeS(timing, startMs), routeTimeS(timing, startMs + this.edgeWeightMs[edge]!));
  }

  /** Every piece of the road part in driving order: the arcs unpacked to road edges. */
  pieces(): EdgePiece[] {
    const out: EdgePiece[] = [this.first];
    const records = this.packed.records;
    const stack: number[] = [];
    for (let i = 0; i < this.arcs.length; i++) {
      stack.push(this.arcs[i]!);
      while (stack.length > 0) {
        const at = stack.pop()! * ARC;
        const edge = records[at]!;
        if (edge >= 0) out.push({ edge, fromM: 0, toM: this.edgeLengthM[edge]!, ms: this.edgeWeightMs[edge]! });
        else stack.push(records[at + 2]!, records[at + 1]!);
      }
    }
    if (this.last) out.push(this.last);
    return out;
  }
}
