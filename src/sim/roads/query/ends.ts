/**
 * Where a journey leaves and joins the graph. A place sits part-way along a road (its snapped
 * position); it leaves by driving on to the end of its edge (or, on a two-way road, back to the
 * start along the twin edge) and is reached the same way. Each way out or in is a "seed": a node
 * and the whole milliseconds to reach it. Part-edge costs are rounded up, like edge weights, so
 * that every route's weight stays integral and at least metres / fastest speed.
 */
import type { Place } from '../../world';
import type { RoadGraph } from '../graph';
import type { Seeds } from './hierarchy-query';

/** A place's position on the roads: road (geometry) number and metres from its first vertex. */
export interface RoadPos {
  readonly road: number;
  readonly posM: number;
  /** The road's length in metres. */
  readonly lengthM: number;
}

export interface RoadEnd extends Seeds {
  /** The directed edge of each seed, partly driven (same order as `nodes`). */
  readonly edges: readonly number[];
}

/** Throws naming the place when it is not on an edge of this graph. */
export function roadPosition(graph: RoadGraph, place: Place): RoadPos {
  const e = place.edge;
  if (!(Number.isInteger(e) && e >= 0 && e < graph.edgeCount)) {
    throw new Error(`place (${place.lon}, ${place.lat}): edge ${e} is not an edge of the road graph (0..${graph.edgeCount - 1})`);
  }
  const lengthM = graph.edgeLengthM[e]!;
  const offset = Math.min(Math.max(place.offsetM, 0), lengthM);
  return { road: graph.edgeRoad[e]!, posM: graph.edgeReversed[e] ? lengthM - offset : offset, lengthM };
}

/** A number naming a road position (road, centimetres along it), for caches. */
export function positionKey(pos: RoadPos): number {
  return pos.road * 1e7 + Math.round(pos.posM * 100);
}

/** Milliseconds to drive `fraction` (0..1) of edge `e`, rounded up. */
export function partMs(weights: Uint32Array, e: number, fraction: number): number {
  return Math.ceil(weights[e]! * fraction);
}

/** A RoadEnd whose arrays are refilled (`exitsInto`): one kept by a caller that reads it at once. */
export interface ScratchEnd extends RoadEnd {
  readonly nodes: number[];
  readonly costs: number[];
  readonly edges: number[];
}

/** An empty ScratchEnd. */
export function scratchEnd(): ScratchEnd {
  return { nodes: [], costs: [], edges: [] };
}

/** The ways out of a position: to the end of its road along the forward edge, to its start along the backward one. */
export function exits(graph: RoadGraph, weights: Uint32Array, pos: RoadPos): RoadEnd {
  return exitsInto(graph, weights, pos, twoSeeds());
}

/**
 * `exits`, written into `end` (its arrays overwritten in place, not emptied: a length set to 0
 * drops an array's backing store, and every push after it allocates a new one); returns it.
 */
export function exitsInto(graph: RoadGraph, weights: Uint32Array, pos: RoadPos, end: ScratchEnd): ScratchEnd {
  const ahead = pos.lengthM > 0 ? (pos.lengthM - pos.posM) / pos.lengthM : 0;
  const f = graph.roadForwardEdge[pos.road]!;
  const b = graph.roadBackwardEdge[pos.road]!;
  let n = 0;
  if (f >= 0) n = put(end, n, graph.edgeHead[f]!, partMs(weights, f, ahead), f);
  if (b >= 0) n = put(end, n, graph.edgeHead[b]!, partMs(weights, b, 1 - ahead), b);
  return cut(end, n);
}

/** The ways into a position: from its road's start along the forward edge, from its end along the backward one. */
export function entries(graph: RoadGraph, weights: Uint32Array, pos: RoadPos): RoadEnd {
  return entriesInto(graph, weights, pos, twoSeeds());
}

/** A new record sized for the two seeds a position has at most (arrays grown from empty take 16 slots each). */
function twoSeeds(): ScratchEnd {
  return { nodes: [0, 0], costs: [0, 0], edges: [0, 0] };
}

/** `entries`, written into `end` (as `exitsInto`); returns it. */
export function entriesInto(graph: RoadGraph, weights: Uint32Array, pos: RoadPos, end: ScratchEnd): ScratchEnd {
  const before = pos.lengthM > 0 ? pos.posM / pos.lengthM : 0;
  const f = graph.roadForwardEdge[pos.road]!;
  const b = graph.roadBackwardEdge[pos.road]!;
  let n = 0;
  if (f >= 0) n = put(end, n, graph.edgeTail[f]!, partMs(weights, f, before), f);
  if (b >= 0) n = put(end, n, graph.edgeTail[b]!, partMs(weights, b, 1 - before), b);
  return cut(end, n);
}

/** Writes seed `i` of `end`; returns i + 1. */
function put(end: ScratchEnd, i: number, node: number, cost: number, edge: number): number {
  end.nodes[i] = node;
  end.costs[i] = cost;
  end.edges[i] = edge;
  return i + 1;
}

/** `end` cut to its first `n` seeds. */
function cut(end: ScratchEnd, n: number): ScratchEnd {
  if (end.nodes.length !== n) {
    end.nodes.length = n;
    end.costs.length = n;
    end.edges.length = n;
  }
  return end;
}

/**
 * Driving straight along the shared road from `from` to `to` without passing a node, or null
 * when they are on different roads or the road's direction forbids it: the edge and its ms.
 */
export function sameRoad(graph: RoadGraph, weights: Uint32Array, from: RoadPos, to: RoadPos): { edge: number; ms: number } | null {
  if (from.road !== to.road) return null;
  const len = from.lengthM;
  const fraction = len > 0 ? Math.abs(to.posM - from.posM) / len : 0;
  const edge = to.posM >= from.posM ? graph.roadForwardEdge[from.road]! : graph.roadBackwardEdge[from.road]!;
  if (edge < 0) return null;
  return { edge, ms: partMs(weights, edge, fraction) };
}

/** Whether two lists of road positions are the same positions, in the same order. */
export function samePositions(a: readonly RoadPos[], b: readonly RoadPos[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.road !== b[i]!.road || a[i]!.posM !== b[i]!.posM) return false;
  return true;
}

/** Metres along directed edge `e` of the road position `posM` (metres from the road's first vertex). */
export function along(graph: RoadGraph, e: number, posM: number): number {
  return graph.edgeReversed[e] ? graph.edgeLengthM[e]! - posM : posM;
}
