/**
 * A journey over the roads, fixed at departure: the access leg from the origin to its road
 * position, the road part (part of the first edge, whole edges, part of the last edge), and the
 * access leg from the destination's road position to the destination. Within an edge the speed
 * is constant, so time runs in proportion to distance along it.
 *
 * `placeAt` answers with a Place the travel model accepts as an origin, so a unit can be
 * re-dispatched mid-trip: on the road it is the edge and offset under the unit; on an access
 * leg it is the leg's snapped road position and the straight metres still between them.
 */
import type { Place, Trip } from '../world';
import { haversineM } from './geo';
import { edgeVertex, edgeVertexCount, type RoadGraph } from './graph';

/** One driven piece of an edge: from `fromM` to `toM` metres along it, taking `ms` milliseconds. */
export interface EdgePiece {
  readonly edge: number;
  readonly fromM: number;
  readonly toM: number;
  readonly ms: number;
}

export interface TripPlan {
  readonly origin: Place;
  readonly dest: Place;
  /** The road part, in driving order (empty when origin and destination share a road position). */
  readonly pieces: readonly EdgePiece[];
  /** Seconds of the access legs at base speed (before `scale`). */
  readonly accessOriginS: number;
  readonly accessDestS: number;
  /** Travel-time multiplier of this departure (congestion / blue-light factor). */
  readonly scale: number;
  /** Exactly the travel time the model reports for this pair, seconds. */
  readonly durationS: number;
  /** Straight access metres count this many times in `distanceM` (the detour factor). */
  readonly detourFactor: number;
}

export class RoadTrip implements Trip {
  readonly durationS: number;
  readonly accessS: number;
  readonly distanceM: number;
  // Vertices of the drawn way.
  private readonly lon: number[] = [];
  private readonly lat: number[] = [];
  private readonly timeS: number[] = [];
  // Segment i runs from vertex i to vertex i + 1: edge under it, offsets and access metres at its ends.
  private readonly segEdge: number[] = [];
  private readonly segOff0: number[] = [];
  private readonly segOff1: number[] = [];
  private readonly segAccess0: number[] = [];
  private readonly segAccess1: number[] = [];

  constructor(graph: RoadGraph, plan: TripPlan) {
    const { origin, dest, scale } = plan;
    this.durationS = plan.durationS;
    this.accessS = (plan.accessOriginS + plan.accessDestS) * scale;
    let roadM = 0;
    for (const piece of plan.pieces) roadM += Math.abs(piece.toM - piece.fromM);
    this.distanceM = roadM + (origin.accessM + dest.accessM) * plan.detourFactor;

    this.lon.push(origin.lon);
    this.lat.push(origin.lat);
    this.timeS.push(0);
    const startRoad = pointOnEdge(graph, origin.edge, origin.offsetM);
    this.addVertex(startRoad.lon, startRoad.lat, plan.accessOriginS * scale, origin.edge, origin.offsetM, origin.offsetM, origin.accessM, 0);
    let ms = 0;
    for (const piece of plan.pieces) {
      const t0 = plan.accessOriginS + ms / 1000;
      const span = piece.toM - piece.fromM;
      forEachVertexBetween(graph, piece.edge, piece.fromM, piece.toM, (lon, lat, offM) => {
        const f = span > 0 ? (offM - piece.fromM) / span : 1;
        const prevOff = this.segEdgeEndOffset(piece.edge, piece.fromM);
        this.addVertex(lon, lat, (t0 + (f * piece.ms) / 1000) * scale, piece.edge, prevOff, offM, 0, 0);
      });
      ms += piece.ms;
    }
    this.addVertex(dest.lon, dest.lat, this.durationS, dest.edge, dest.offsetM, dest.offsetM, 0, dest.accessM);
    // Rounding must not make time run backwards or miss the arrival time.
    for (let i = 1; i < this.timeS.length; i++) {
      this.timeS[i] = Math.min(Math.max(this.timeS[i]!, this.timeS[i - 1]!), this.durationS);
    }
    this.timeS[this.timeS.length - 1] = this.durationS;
  }

  placeAt(elapsedS: number): Place {
    const t = Math.min(Math.max(elapsedS, 0), this.durationS);
    const times = this.timeS;
    // The last segment starting at or before t.
    let lo = 0;
    let hi = times.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    const s = lo;
    const t0 = times[s]!;
    const t1 = times[s + 1]!;
    const f = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
    return {
      lon: this.lon[s]! + f * (this.lon[s + 1]! - this.lon[s]!),
      lat: this.lat[s]! + f * (this.lat[s + 1]! - this.lat[s]!),
      edge: this.segEdge[s]!,
      offsetM: this.segOff0[s]! + f * (this.segOff1[s]! - this.segOff0[s]!),
      accessM: this.segAccess0[s]! + f * (this.segAccess1[s]! - this.segAccess0[s]!),
    };
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    const coords = new Float64Array(this.lon.length * 2);
    for (let i = 0; i < this.lon.length; i++) {
      coords[2 * i] = this.lon[i]!;
      coords[2 * i + 1] = this.lat[i]!;
    }
    return { coords, timesS: Float64Array.from(this.timeS) };
  }

  /** Appends a vertex and the segment that leads to it. */
  private addVertex(lon: number, lat: number, timeS: number, edge: number, off0: number, off1: number, access0: number, access1: number): void {
    this.segEdge.push(edge);
    this.segOff0.push(off0);
    this.segOff1.push(off1);
    this.segAccess0.push(access0);
    this.segAccess1.push(access1);
    this.lon.push(lon);
    this.lat.push(lat);
    this.timeS.push(timeS);
  }

  /** Offset where the segment into the next vertex starts: the previous vertex's, on the same edge. */
  private segEdgeEndOffset(edge: number, pieceStart: number): number {
    const i = this.segEdge.length - 1;
    return i >= 0 && this.segEdge[i] === edge ? this.segOff1[i]! : pieceStart;
  }
}

/** The point `offsetM` metres along edge `e` (clamped to the edge). */
export function pointOnEdge(graph: RoadGraph, e: number, offsetM: number): { lon: number; lat: number } {
  const count = edgeVertexCount(graph, e);
  let done = 0;
  let v0 = edgeVertex(graph, e, 0);
  for (let i = 1; i < count; i++) {
    const v1 = edgeVertex(graph, e, i);
    const len = haversineM(graph.vertexLon[v0]!, graph.vertexLat[v0]!, graph.vertexLon[v1]!, graph.vertexLat[v1]!);
    if (done + len >= offsetM || i === count - 1) {
      const f = len > 0 ? Math.min(Math.max((offsetM - done) / len, 0), 1) : 0;
      return {
        lon: graph.vertexLon[v0]! + f * (graph.vertexLon[v1]! - graph.vertexLon[v0]!),
        lat: graph.vertexLat[v0]! + f * (graph.vertexLat[v1]! - graph.vertexLat[v0]!),
      };
    }
    done += len;
    v0 = v1;
  }
  return { lon: graph.vertexLon[v0]!, lat: graph.vertexLat[v0]! };
}

/**
 * Calls `visit` for the shape of edge `e` between `fromM` and `toM` metres (fromM <= toM): each
 * vertex strictly inside, then the point at `toM`, each with its offset along the edge.
 */
function forEachVertexBetween(
  graph: RoadGraph,
  e: number,
  fromM: number,
  toM: number,
  visit: (lon: number, lat: number, offsetM: number) => void,
): void {
  const count = edgeVertexCount(graph, e);
  let done = 0;
  let v0 = edgeVertex(graph, e, 0);
  for (let i = 1; i < count; i++) {
    const v1 = edgeVertex(graph, e, i);
    done += haversineM(graph.vertexLon[v0]!, graph.vertexLat[v0]!, graph.vertexLon[v1]!, graph.vertexLat[v1]!);
    if (done >= toM) break;
    if (done > fromM) visit(graph.vertexLon[v1]!, graph.vertexLat[v1]!, done);
    v0 = v1;
  }
  const end = pointOnEdge(graph, e, toM);
  visit(end.lon, end.lat, toM);
}
