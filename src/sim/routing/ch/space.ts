/**
 * Search spaces: everything an upward search from a place reaches, kept as arrays sorted by rank.
 * The shortest distance between two places is the best sum over the ranks their spaces share
 * (the highest node of a shortest path is in both, at its true distance from each end), so once
 * a place's space is known, any query from (or to) it is a merge of two short sorted lists: a
 * microsecond or two instead of a fresh search. Places recur (bases, demand points, incident
 * locations), so spaces are cached (`SpaceCache`). Each entry also keeps the arc it was reached
 * by, so the path itself can be read back without searching again.
 */
import { MinHeap } from '../heap';
import type { Hierarchy } from './hierarchy';
import type { Seeds } from './query';

export interface SearchSpace {
  /** Ranks reached (and not stalled), ascending. */
  readonly ranks: Uint32Array;
  /** Milliseconds from the seeds (forward) or to them (backward), seed costs included. */
  readonly dist: Float64Array;
  /** CH arc by which each entry was reached, -1 at a seed. */
  readonly parentArc: Int32Array;
  /** Index (in this space) of the entry it was reached from, -1 at a seed. */
  readonly parentIndex: Int32Array;
  /** The seed each entry descends from. */
  readonly seed: Int8Array;
}

/** Builds search spaces; scratch arrays are reused (one search at a time). */
export class SpaceSearch {
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly parentArc: Int32Array;
  private readonly parentRank: Int32Array;
  private readonly root: Int8Array;
  private current = 0;
  private readonly heap = new MinHeap(512);

  constructor(private readonly h: Hierarchy) {
    const n = h.rank.length;
    this.dist = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.parentArc = new Int32Array(n);
    this.parentRank = new Int32Array(n);
    this.root = new Int8Array(n);
  }

  /** The forward space of `seeds`: what their upward search reaches along out-arcs. */
  forward(seeds: Seeds): SearchSpace {
    const h = this.h;
    return this.search(seeds, h.upOutFirst, h.upOutHead, h.upOutWeight, h.upOutArc, h.upInFirst, h.upInTail, h.upInWeight);
  }

  /** The backward space of `seeds`: what reaches them, climbing in-arcs. */
  backward(seeds: Seeds): SearchSpace {
    const h = this.h;
    return this.search(seeds, h.upInFirst, h.upInTail, h.upInWeight, h.upInArc, h.upOutFirst, h.upOutHead, h.upOutWeight);
  }

  private search(
    seeds: Seeds,
    first: Uint32Array,
    other: Uint32Array,
    weight: Uint32Array,
    arcOf: Uint32Array,
    stallFirst: Uint32Array,
    stallOther: Uint32Array,
    stallWeight: Uint32Array,
  ): SearchSpace {
    const { rank } = this.h;
    const stamp = ++this.current;
    const { dist, stamp: stamps, parentArc, parentRank, root, heap } = this;
    heap.clear();
    for (let i = 0; i < seeds.nodes.length; i++) {
      const r = rank[seeds.nodes[i]!]!;
      const c = seeds.costs[i]!;
      if (stamps[r] === stamp && dist[r]! <= c) continue;
      stamps[r] = stamp;
      dist[r] = c;
      parentArc[r] = -1;
      parentRank[r] = -1;
      root[r] = i;
      heap.push(c, r);
    }
    const settled: number[] = [];
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      // Stall on demand: a higher node already offers a shorter way to v, so v is on no shortest path up.
      let stalled = false;
      for (let a = stallFirst[v]!, end = stallFirst[v + 1]!; a < end; a++) {
        const x = stallOther[a]!;
        if (stamps[x] === stamp && dist[x]! + stallWeight[a]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      settled.push(v);
      for (let a = first[v]!, end = first[v + 1]!; a < end; a++) {
        const x = other[a]!;
        const nd = d + weight[a]!;
        if (stamps[x] === stamp && nd >= dist[x]!) continue;
        stamps[x] = stamp;
        dist[x] = nd;
        parentArc[x] = arcOf[a]!;
        parentRank[x] = v;
        root[x] = root[v]!;
        heap.push(nd, x);
      }
    }
    settled.sort((a, b) => a - b);
    const count = settled.length;
    const space: SearchSpace = {
      ranks: Uint32Array.from(settled),
      dist: new Float64Array(count),
      parentArc: new Int32Array(count),
      parentIndex: new Int32Array(count),
      seed: new Int8Array(count),
    };
    for (let i = 0; i < count; i++) {
      const r = settled[i]!;
      space.dist[i] = dist[r]!;
      space.parentArc[i] = parentArc[r]!;
      space.seed[i] = root[r]!;
    }
    // A settled node's parent was settled before it (and never stalled), so it is in the space.
    for (let i = 0; i < count; i++) {
      const p = parentRank[settled[i]!]!;
      space.parentIndex[i] = p < 0 ? -1 : indexOf(space.ranks, p);
    }
    return space;
  }
}

/** Index of `rank` in the sorted `ranks`, or -1. */
function indexOf(ranks: Uint32Array, rank: number): number {
  let lo = 0;
  let hi = ranks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranks[mid]!;
    if (r === rank) return mid;
    if (r < rank) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The best meeting of a forward and a backward space: distance (Infinity if none) and the two entries. */
export function meet(forward: SearchSpace, backward: SearchSpace): { distance: number; f: number; b: number } {
  const fr = forward.ranks;
  const br = backward.ranks;
  let i = 0;
  let j = 0;
  let best = Infinity;
  let bf = -1;
  let bb = -1;
  while (i < fr.length && j < br.length) {
    const a = fr[i]!;
    const b = br[j]!;
    if (a < b) i++;
    else if (a > b) j++;
    else {
      const total = forward.dist[i]! + backward.dist[j]!;
      if (total < best) {
        best = total;
        bf = i;
        bb = j;
      }
      i++;
      j++;
    }
  }
  return { distance: best, f: bf, b: bb };
}

/** Just the distance of the best meeting (the hot path of ranking). */
export function meetDistance(forward: SearchSpace, backward: SearchSpace): number {
  const fr = forward.ranks;
  const br = backward.ranks;
  const fd = forward.dist;
  const bd = backward.dist;
  let i = 0;
  let j = 0;
  let best = Infinity;
  while (i < fr.length && j < br.length) {
    const a = fr[i]!;
    const b = br[j]!;
    if (a < b) i++;
    else if (a > b) j++;
    else {
      const total = fd[i]! + bd[j]!;
      if (total < best) best = total;
      i++;
      j++;
    }
  }
  return best;
}

/**
 * The hierarchy arcs (shortcuts not unpacked), in driving order, of the path through entries `f`
 * (forward space) and `b` (backward space): up from the forward seed, then down to the backward one.
 */
export function spaceArcs(forward: SearchSpace, f: number, backward: SearchSpace, b: number): Int32Array {
  let up = 0;
  for (let i = f; forward.parentArc[i]! >= 0; i = forward.parentIndex[i]!) up++;
  let down = 0;
  for (let j = b; backward.parentArc[j]! >= 0; j = backward.parentIndex[j]!) down++;
  const arcs = new Int32Array(up + down);
  let k = up;
  for (let i = f; forward.parentArc[i]! >= 0; i = forward.parentIndex[i]!) arcs[--k] = forward.parentArc[i]!;
  k = up;
  for (let j = b; backward.parentArc[j]! >= 0; j = backward.parentIndex[j]!) arcs[k++] = backward.parentArc[j]!;
  return arcs;
}

/** Hierarchy arcs unpacked to the road-graph edges they stand for, in order. */
export function unpackArcs(h: Hierarchy, arcs: ArrayLike<number>): number[] {
  const edges: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < arcs.length; i++) {
    stack.push(arcs[i]!);
    while (stack.length > 0) {
      const a = stack.pop()!;
      const edge = h.arcEdge[a]!;
      if (edge >= 0) edges.push(edge);
      else stack.push(h.arcRight[a]!, h.arcLeft[a]!);
    }
  }
  return edges;
}

/**
 * The road-graph edges of the path through entries `f` (forward space) and `b` (backward space),
 * with the seeds it starts and ends at.
 */
export function spacePath(h: Hierarchy, forward: SearchSpace, f: number, backward: SearchSpace, b: number): { edges: number[]; sourceSeed: number; targetSeed: number } {
  return { edges: unpackArcs(h, spaceArcs(forward, f, backward, b)), sourceSeed: forward.seed[f]!, targetSeed: backward.seed[b]! };
}

/**
 * Spaces by place key, in two generations: lookups look in the young one, then the old one
 * (moving a hit back to the young); when the young one holds `capacity` entries of ranks, it
 * becomes the old one and the oldest generation is dropped. An approximate LRU at the cost of
 * two map lookups.
 */
export class SpaceCache {
  private young = new Map<number, SearchSpace>();
  private old = new Map<number, SearchSpace>();
  private youngEntries = 0;

  constructor(private readonly capacity: number) {}

  get(key: number): SearchSpace | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: number, space: SearchSpace): void {
    if (this.capacity <= 0) return;
    if (this.youngEntries + space.ranks.length > this.capacity) {
      this.old = this.young;
      this.young = new Map();
      this.youngEntries = 0;
    }
    this.young.set(key, space);
    this.youngEntries += space.ranks.length;
  }
}
