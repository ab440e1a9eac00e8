/**
 * Queries on a contraction hierarchy, all exact (integer milliseconds):
 * - one-to-one: a backward upward search from the target(s), then a forward upward search from
 *   the source(s) that stops once it cannot beat the best meeting point; both with
 *   stall-on-demand; optionally the path, unpacked to road-graph edges;
 * - many-to-one: the backward search is kept (`prepareTarget`) and every source runs only its
 *   forward search against it;
 * - one-to-all / all-to-one (PHAST, Delling et al. 2011): an upward search, then one sweep over
 *   all nodes from the highest rank down. Their results are indexed by rank: the distance of
 *   road-graph node v is `out[hierarchy.rank[v]]`.
 *
 * Sources and targets are "seeds": a few road-graph nodes, each with a starting cost in ms (a
 * position part-way along an edge reaches the edge's ends at a cost). Scratch arrays are reused
 * between queries, so one `HierarchyQuery` serves one query at a time (the simulator is
 * single-threaded).
 */
import { MinHeap } from '../heap';
import type { Hierarchy } from '../hierarchy';

/** Marks an unreachable node in one-to-all results. */
export const UNREACHABLE = 0xffffffff;

/** Start (or end) points of a search: road-graph node `nodes[i]` reached at cost `costs[i]` ms. */
export interface Seeds {
  readonly nodes: readonly number[];
  readonly costs: readonly number[];
}

/** A shortest path between seeds: which seed at each end, and the road edges between their nodes. */
export interface PathResult {
  /** Milliseconds, seed costs included. */
  readonly distance: number;
  readonly sourceSeed: number;
  readonly targetSeed: number;
  /** Road-graph edges from the source seed's node to the target seed's node (empty when they coincide). */
  readonly edges: number[];
}

export class HierarchyQuery {
  // Per rank: distance, search stamp, arc and rank it was reached by, seed it descends from.
  private readonly fDist: Float64Array;
  private readonly fStamp: Uint32Array;
  private readonly fParent: Int32Array;
  private readonly fPrev: Int32Array;
  private readonly fRoot: Int8Array;
  private readonly bDist: Float64Array;
  private readonly bStamp: Uint32Array;
  private readonly bParent: Int32Array;
  private readonly bNext: Int32Array;
  private readonly bRoot: Int8Array;
  private fCurrent = 0;
  private bCurrent = 0;
  private readonly fHeap = new MinHeap(512);
  private readonly bHeap = new MinHeap(512);

  constructor(private readonly h: Hierarchy) {
    const n = h.rank.length;
    this.fDist = new Float64Array(n);
    this.fStamp = new Uint32Array(n);
    this.fParent = new Int32Array(n);
    this.fPrev = new Int32Array(n);
    this.fRoot = new Int8Array(n);
    this.bDist = new Float64Array(n);
    this.bStamp = new Uint32Array(n);
    this.bParent = new Int32Array(n);
    this.bNext = new Int32Array(n);
    this.bRoot = new Int8Array(n);
  }

  get nodeCount(): number {
    return this.h.rank.length;
  }

  /** Shortest distance in ms between the seeds, or Infinity. */
  distance(source: Seeds, target: Seeds): number {
    this.prepareTarget(target);
    return this.distanceToPrepared(source);
  }

  /** The shortest path between the seeds, or null when there is none. */
  path(source: Seeds, target: Seeds): PathResult | null {
    this.prepareTarget(target);
    const meet = this.forward(source, true);
    if (meet.rank < 0) return null;
    const arcs: number[] = [];
    for (let r = meet.rank; this.fParent[r]! >= 0; r = this.fPrev[r]!) arcs.push(this.fParent[r]!);
    arcs.reverse();
    for (let r = meet.rank; this.bParent[r]! >= 0; r = this.bNext[r]!) arcs.push(this.bParent[r]!);
    const edges: number[] = [];
    for (const arc of arcs) this.unpack(arc, edges);
    return { distance: meet.distance, sourceSeed: this.fRoot[meet.rank]!, targetSeed: this.bRoot[meet.rank]!, edges };
  }

  /** Runs and keeps the backward upward search from `target` (for `distanceToPrepared`). */
  prepareTarget(target: Seeds): void {
    const { rank, upOutFirst, upOutHead, upOutWeight, upInFirst, upInTail, upInWeight, upInArc } = this.h;
    const stamp = ++this.bCurrent;
    const { bDist, bStamp, bParent, bNext, bRoot, bHeap } = this;
    bHeap.clear();
    for (let i = 0; i < target.nodes.length; i++) {
      const r = rank[target.nodes[i]!]!;
      const c = target.costs[i]!;
      if (bStamp[r] === stamp && bDist[r]! <= c) continue;
      bStamp[r] = stamp;
      bDist[r] = c;
      bParent[r] = -1;
      bRoot[r] = i;
      bHeap.push(c, r);
    }
    while (bHeap.size > 0) {
      const d = bHeap.peekKey();
      const v = bHeap.pop();
      if (d > bDist[v]!) continue;
      // Stall on demand: a higher node already reaches the target faster than v does.
      const outEnd = upOutFirst[v + 1]!;
      let stalled = false;
      for (let a = upOutFirst[v]!; a < outEnd; a++) {
        const x = upOutHead[a]!;
        if (bStamp[x] === stamp && bDist[x]! + upOutWeight[a]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      const inEnd = upInFirst[v + 1]!;
      for (let a = upInFirst[v]!; a < inEnd; a++) {
        const x = upInTail[a]!;
        const nd = d + upInWeight[a]!;
        if (bStamp[x] === stamp && nd >= bDist[x]!) continue;
        bStamp[x] = stamp;
        bDist[x] = nd;
        bParent[x] = upInArc[a]!;
        bNext[x] = v;
        bRoot[x] = bRoot[v]!;
        bHeap.push(nd, x);
      }
    }
  }

  /** Shortest distance in ms from `source` to the target of the last `prepareTarget`, or Infinity. */
  distanceToPrepared(source: Seeds): number {
    return this.forward(source, false).distance;
  }

  /**
   * Distances in ms from `source` to every node, indexed by rank (UNREACHABLE where none),
   * written to `out` (length = node count), and as the sweep settles them to `into[rank * stride
   * + lane]` as well (a block of trees side by side, trees.ts: no second pass to copy them there).
   */
  oneToAll(source: Seeds, out: Uint32Array, into: Uint32Array = out, stride = 1, lane = 0): void {
    const { rank, upOutFirst, upOutHead, upOutWeight, upInFirst, upInTail, upInWeight } = this.h;
    out.fill(UNREACHABLE);
    const heap = this.fHeap;
    heap.clear();
    for (let i = 0; i < source.nodes.length; i++) {
      const r = rank[source.nodes[i]!]!;
      if (source.costs[i]! < out[r]!) {
        out[r] = source.costs[i]!;
        heap.push(out[r]!, r);
      }
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > out[v]!) continue;
      const end = upOutFirst[v + 1]!;
      for (let a = upOutFirst[v]!; a < end; a++) {
        const x = upOutHead[a]!;
        const nd = d + upOutWeight[a]!;
        if (nd < out[x]!) {
          out[x] = nd;
          heap.push(nd, x);
        }
      }
    }
    for (let v = out.length - 1; v >= 0; v--) {
      let best = out[v]!;
      const end = upInFirst[v + 1]!;
      for (let a = upInFirst[v]!; a < end; a++) {
        const dx = out[upInTail[a]!]!;
        if (dx === UNREACHABLE) continue;
        const nd = dx + upInWeight[a]!;
        if (nd < best) best = nd;
      }
      out[v] = best;
      into[v * stride + lane] = best;
    }
  }

  /** Distances in ms from every node to `target`, indexed by rank (UNREACHABLE where none). */
  allToOne(target: Seeds, out: Uint32Array): void {
    const { rank, upOutFirst, upOutHead, upOutWeight, upInFirst, upInTail, upInWeight } = this.h;
    out.fill(UNREACHABLE);
    const heap = this.bHeap;
    heap.clear();
    for (let i = 0; i < target.nodes.length; i++) {
      const r = rank[target.nodes[i]!]!;
      if (target.costs[i]! < out[r]!) {
        out[r] = target.costs[i]!;
        heap.push(out[r]!, r);
      }
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > out[v]!) continue;
      const end = upInFirst[v + 1]!;
      for (let a = upInFirst[v]!; a < end; a++) {
        const x = upInTail[a]!;
        const nd = d + upInWeight[a]!;
        if (nd < out[x]!) {
          out[x] = nd;
          heap.push(nd, x);
        }
      }
    }
    for (let v = out.length - 1; v >= 0; v--) {
      let best = out[v]!;
      const end = upOutFirst[v + 1]!;
      for (let a = upOutFirst[v]!; a < end; a++) {
        const dx = out[upOutHead[a]!]!;
        if (dx === UNREACHABLE) continue;
        const nd = dx + upOutWeight[a]!;
        if (nd < best) best = nd;
      }
      out[v] = best;
    }
  }

  /** Forward upward search from `source` against the prepared backward search. */
  private forward(source: Seeds, withParents: boolean): { distance: number; rank: number } {
    const { rank, upOutFirst, upOutHead, upOutWeight, upOutArc, upInFirst, upInTail, upInWeight } = this.h;
    const stamp = ++this.fCurrent;
    const bStampValue = this.bCurrent;
    const { fDist, fStamp, fParent, fPrev, fRoot, fHeap, bDist, bStamp } = this;
    fHeap.clear();
    let best = Infinity;
    let bestRank = -1;
    for (let i = 0; i < source.nodes.length; i++) {
      const r = rank[source.nodes[i]!]!;
      const c = source.costs[i]!;
      if (fStamp[r] === stamp && fDist[r]! <= c) continue;
      fStamp[r] = stamp;
      fDist[r] = c;
      fParent[r] = -1;
      fRoot[r] = i;
      fHeap.push(c, r);
    }
    while (fHeap.size > 0) {
      const d = fHeap.peekKey();
      if (d >= best) break;
      const v = fHeap.pop();
      if (d > fDist[v]!) continue;
      if (bStamp[v] === bStampValue) {
        const total = d + bDist[v]!;
        if (total < best) {
          best = total;
          bestRank = v;
        }
      }
      const inEnd = upInFirst[v + 1]!;
      let stalled = false;
      for (let a = upInFirst[v]!; a < inEnd; a++) {
        const x = upInTail[a]!;
        if (fStamp[x] === stamp && fDist[x]! + upInWeight[a]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      const outEnd = upOutFirst[v + 1]!;
      for (let a = upOutFirst[v]!; a < outEnd; a++) {
        const x = upOutHead[a]!;
        const nd = d + upOutWeight[a]!;
        if (fStamp[x] === stamp && nd >= fDist[x]!) continue;
        fStamp[x] = stamp;
        fDist[x] = nd;
        if (withParents) {
          fParent[x] = upOutArc[a]!;
          fPrev[x] = v;
          fRoot[x] = fRoot[v]!;
        }
        fHeap.push(nd, x);
      }
    }
    return { distance: best, rank: bestRank };
  }

  /** Appends the road-graph edges of CH arc `arc`, in order. */
  private unpack(arc: number, out: number[]): void {
    const { arcEdge, arcLeft, arcRight } = this.h;
    const stack = [arc];
    while (stack.length > 0) {
      const a = stack.pop()!;
      const edge = arcEdge[a]!;
      if (edge >= 0) out.push(edge);
      else stack.push(arcRight[a]!, arcLeft[a]!);
    }
  }
}
