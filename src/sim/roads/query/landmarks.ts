/**
 * Lower bounds on road time from the kept one-to-all trees (ALT: A*, landmarks and the triangle
 * inequality, Goldberg & Harrelson 2005), the trees' origins (the bases units wait at) being the
 * landmarks: for every landmark B, d(P, D) >= d(B, D) - d(B, P). The bases lie all over the city,
 * so for a unit on its way home some base lies behind it; on London the best landmark bound is on
 * average about 0.87 of the true time (the straight-line bound at the fastest road speed, about a
 * third), and ranking skips most exact queries for units on the move.
 *
 * All distances are whole milliseconds at base speed. d(B, D) is exact (the tree, or the shared
 * road), d(B, P) is over-estimated by the best way into P through a node, so the bound stays below
 * the truth; part-edge costs are rounded up on each side of a place, which can break the triangle
 * inequality by a millisecond per rounding, so LANDMARK_SLACK_MS comes off every bound.
 */
import { UNREACHABLE } from './hierarchy-query';
import type { Hierarchy } from '../hierarchy';
import { partMs, sameRoad, type RoadEnd, type RoadPos } from './ends';
import type { RoadGraph } from '../graph';
import { LANES, type TreeCache } from './trees';
import type { NodeBounds } from './search-space';

/** Milliseconds taken off every landmark bound for the rounding of part-edge costs. */
export const LANDMARK_SLACK_MS = 4;

export class LandmarkBounds implements NodeBounds {
  /** Per landmark: exact road ms from it to the prepared destination (NaN: not a landmark). */
  private toDest = new Float64Array(64);
  private count = 0;
  /** The kept trees' blocks when prepared (for `atLeast`). */
  private blocks: readonly Uint32Array[] = [];

  constructor(
    private readonly graph: RoadGraph,
    private readonly weights: Uint32Array,
    private readonly h: Hierarchy,
  ) {}

  /** Prepares bounds towards the destination at `to` (ways in `into`) from the trees kept so far. */
  prepare(trees: TreeCache, to: RoadPos, into: RoadEnd): void {
    const count = (this.count = trees.origins.length);
    if (this.toDest.length < count) this.toDest = new Float64Array(count * 2);
    const toDest = this.toDest;
    toDest.fill(Infinity, 0, count);
    const { blocks, origins } = trees;
    this.blocks = blocks;
    for (let j = 0; j < into.nodes.length; j++) {
      const at = this.h.rank[into.nodes[j]!]! * LANES;
      const cost = into.costs[j]!;
      for (let k = 0; k < blocks.length; k++) {
        const block = blocks[k]!;
        const lanes = Math.min(LANES, count - k * LANES);
        for (let lane = 0; lane < lanes; lane++) {
          const x = block[at + lane]!;
          const b = k * LANES + lane;
          if (x !== UNREACHABLE && x + cost < toDest[b]!) toDest[b] = x + cost;
        }
      }
    }
    for (let b = 0; b < count; b++) {
      const origin = origins[b];
      // Without its road position a tree cannot tell whether it reaches the destination along a
      // shared road, quicker than through nodes: it is no landmark.
      if (!origin) toDest[b] = NaN;
      else if (origin.road === to.road) {
        const direct = sameRoad(this.graph, this.weights, origin, to);
        if (direct && direct.ms < toDest[b]!) toDest[b] = direct.ms;
      }
    }
  }

  /**
   * A lower bound (ms) on the road time through nodes from the node of rank `r` to the prepared
   * destination (trees kept since `prepare` are not read): d(v, D) >= d(B, D) - d(B, v) for every
   * landmark B that reaches v; Infinity when one reaches v but not the destination. Distances
   * between nodes are exact whole ms; LANDMARK_SLACK_MS comes off all the same.
   */
  atLeast(r: number): number {
    const blocks = this.blocks;
    const count = this.count;
    const toDest = this.toDest;
    const at = r * LANES;
    let best = 0;
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k]!;
      const lanes = Math.min(LANES, count - k * LANES);
      for (let lane = 0; lane < lanes; lane++) {
        const x = block[at + lane]!;
        if (x === UNREACHABLE) continue;
        const bound = toDest[k * LANES + lane]! - x - LANDMARK_SLACK_MS;
        if (bound > best) best = bound;
      }
    }
    return best;
  }

  /**
   * A lower bound (ms, >= 0) on the road time from the place at road position `pos` to the
   * prepared destination; Infinity when a landmark reaches the place but not the destination.
   * Stops as soon as the bound exceeds `enough`.
   */
  bound(trees: TreeCache, pos: RoadPos, enough: number): number {
    const { blocks } = trees;
    const count = this.count;
    const toDest = this.toDest;
    const graph = this.graph;
    const rank = this.h.rank;
    // The ways into the place (as ends.ts `entries`): from its road's start along the forward
    // edge, from its end along the backward one.
    const before = pos.lengthM > 0 ? pos.posM / pos.lengthM : 0;
    const f = graph.roadForwardEdge[pos.road]!;
    const b = graph.roadBackwardEdge[pos.road]!;
    const at0 = f >= 0 ? rank[graph.edgeTail[f]!]! * LANES : -1;
    const cost0 = f >= 0 ? partMs(this.weights, f, before) : 0;
    const at1 = b >= 0 ? rank[graph.edgeTail[b]!]! * LANES : -1;
    const cost1 = b >= 0 ? partMs(this.weights, b, 1 - before) : 0;
    let best = 0;
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k]!;
      const lanes = Math.min(LANES, count - k * LANES);
      for (let lane = 0; lane < lanes; lane++) {
        // A place is entered from at most two nodes (the ends of its road).
        let toPlace = Infinity;
        if (at0 >= 0) {
          const x0 = block[at0 + lane]!;
          if (x0 !== UNREACHABLE) toPlace = x0 + cost0;
        }
        if (at1 >= 0) {
          const x1 = block[at1 + lane]!;
          if (x1 !== UNREACHABLE && x1 + cost1 < toPlace) toPlace = x1 + cost1;
        }
        if (toPlace === Infinity) continue;
        const bound = toDest[k * LANES + lane]! - toPlace - LANDMARK_SLACK_MS;
        if (bound > best) best = bound;
      }
      if (best > enough) return best;
    }
    return best;
  }
}
