/**
 * Search spaces built the plain way (src/sim/roads/query/search-space.ts as first written): separate
 * scratch arrays per field, a comparator sort, a binary search per parent. The optimised
 * SpaceSearch must give the very same spaces (ranks, distances, parents, seeds), since trips
 * unpack their paths from them.
 */
import { expect } from 'vitest';
import { MinHeap } from '../../../src/sim/roads/heap';
import type { Hierarchy } from '../../../src/sim/roads/hierarchy';
import type { Seeds } from '../../../src/sim/roads/query/hierarchy-query';
import { SpaceSearch, type SearchSpace } from '../../../src/sim/roads/query/search-space';

/** The upward search as first written: the reference the optimised SpaceSearch must equal entry for entry. */
export class ReferenceSpaceSearch {
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

/** The five arrays of a space, as plain arrays, for comparison. */
export function spaceFields(s: SearchSpace): number[][] {
  return [[...s.ranks], [...s.dist], [...s.parentArc], [...s.parentIndex], [...s.seed]];
}

/** Compares `count` random searches (1 to 3 seeds, forward and backward) of both implementations. */
export function compareSearches(h: Hierarchy, nodeCount: number, rnd: () => number, count: number): number {
  const fast = new SpaceSearch(h);
  const plain = new ReferenceSpaceSearch(h);
  let entries = 0;
  for (let i = 0; i < count; i++) {
    const k = 1 + Math.floor(rnd() * 3);
    const seeds = { nodes: Array.from({ length: k }, () => Math.floor(rnd() * nodeCount)), costs: Array.from({ length: k }, () => Math.floor(rnd() * 2000)) };
    const forward = fast.forward(seeds);
    expect(spaceFields(forward), `forward search ${i}`).toEqual(spaceFields(plain.forward(seeds)));
    expect(spaceFields(fast.backward(seeds)), `backward search ${i}`).toEqual(spaceFields(plain.backward(seeds)));
    entries += forward.ranks.length;
  }
  return entries;
}
