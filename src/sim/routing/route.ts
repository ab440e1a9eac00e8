/**
 * The road part of a trip kept compact: the part of the edge it leaves by, the contraction
 * hierarchy's arcs in between (shortcuts not unpacked) and the part of the edge it arrives by.
 * Where a unit is at an instant is found by walking down one shortcut (a few steps), not by
 * unpacking the whole path: dispatch asks where each returning unit is, and most trips are never
 * drawn. `pieces()` unpacks the whole way when a trip is drawn.
 *
 * Times follow the trip's one formula (see `RouteTiming.at`): a piece starting `ms` road
 * milliseconds after the road part begins starts at min((accessOriginS + ms / 1000) x scale,
 * durationS) seconds after departure; the unpacked way (trip.ts) uses the same formula, so both
 * place a unit at exactly the same point.
 */
import type { Hierarchy } from './ch/hierarchy';
import { unpackArcs } from './ch/space';
import type { EdgePiece } from './trip';

/** Milliseconds of each hierarchy arc: its road edge's weight, or the sum of the two arcs a shortcut stands for. */
export function arcWeightsMs(h: Hierarchy, edgeWeightMs: Uint32Array): Float64Array {
  const n = h.arcEdge.length;
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const e = h.arcEdge[a]!;
    if (e >= 0) {
      out[a] = edgeWeightMs[e]!;
      continue;
    }
    const left = h.arcLeft[a]!;
    const right = h.arcRight[a]!;
    // A shortcut is made from arcs that existed before it.
    if (!(left >= 0 && left < a && right >= 0 && right < a)) throw new Error(`hierarchy: shortcut ${a} stands for arcs ${left} and ${right}, not earlier arcs`);
    out[a] = out[left]! + out[right]!;
  }
  return out;
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

/** A road piece found under an instant, with the seconds at which it starts and ends. */
export interface PieceAt {
  readonly piece: EdgePiece;
  readonly startS: number;
  readonly endS: number;
}

export class CompactRoute {
  /** Milliseconds of the whole road part. */
  readonly totalMs: number;
  /** Road milliseconds at which each arc starts. */
  private readonly arcStartMs: Float64Array;

  /**
   * `first` is driven first (the part of the edge the origin leaves by, or the whole trip when it
   * runs along one road); then `arcs` (hierarchy arcs, in driving order); then `last` (the part
   * of the edge into the destination), null when `first` is all.
   */
  constructor(
    private readonly h: Hierarchy,
    private readonly arcMs: Float64Array,
    private readonly edgeWeightMs: Uint32Array,
    private readonly edgeLengthM: Float64Array,
    readonly first: EdgePiece,
    private readonly arcs: Int32Array,
    readonly last: EdgePiece | null,
  ) {
    this.arcStartMs = new Float64Array(arcs.length);
    let ms = first.ms;
    for (let i = 0; i < arcs.length; i++) {
      this.arcStartMs[i] = ms;
      ms += arcMs[arcs[i]!]!;
    }
    this.totalMs = ms + (last?.ms ?? 0);
  }

  /**
   * The last piece (in driving order) that starts at or before `t` seconds after departure, with
   * its start and end times: the piece the unpacked way would find. `t` must lie within the road
   * part: routeTimeS(timing, 0) <= t < routeTimeS(timing, totalMs).
   */
  pieceAt(timing: RouteTiming, t: number): PieceAt {
    const last = this.last;
    if (last) {
      const lastStartMs = this.totalMs - last.ms;
      if (routeTimeS(timing, lastStartMs) <= t) return { piece: last, startS: routeTimeS(timing, lastStartMs), endS: routeTimeS(timing, this.totalMs) };
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
    if (lo === 0) return { piece: this.first, startS: routeTimeS(timing, 0), endS: routeTimeS(timing, this.first.ms) };
    // Down the shortcut: the right half holds the answer when its first edge starts in time.
    const h = this.h;
    let arc = this.arcs[lo - 1]!;
    let startMs = starts[lo - 1]!;
    while (h.arcEdge[arc]! < 0) {
      const left = h.arcLeft[arc]!;
      const rightStart = startMs + this.arcMs[left]!;
      if (routeTimeS(timing, rightStart) <= t) {
        arc = h.arcRight[arc]!;
        startMs = rightStart;
      } else arc = left;
    }
    const edge = h.arcEdge[arc]!;
    const ms = this.edgeWeightMs[edge]!;
    return {
      piece: { edge, fromM: 0, toM: this.edgeLengthM[edge]!, ms },
      startS: routeTimeS(timing, startMs),
      endS: routeTimeS(timing, startMs + ms),
    };
  }

  /** Every piece of the road part in driving order: the arcs unpacked to road edges. */
  pieces(): EdgePiece[] {
    const out: EdgePiece[] = [this.first];
    for (const edge of unpackArcs(this.h, this.arcs)) out.push({ edge, fromM: 0, toM: this.edgeLengthM[edge]!, ms: this.edgeWeightMs[edge]! });
    if (this.last) out.push(this.last);
    return out;
  }
}
