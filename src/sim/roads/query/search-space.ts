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
import type { Hierarchy } from '../hierarchy';
import { UNREACHABLE, type Seeds } from './hierarchy-query';

/** Lower bounds on the ms from a node (by rank) to the end of a meet table (landmarks.ts). */
export interface NodeBounds {
  atLeast(rank: number): number;
}

/**
 * What a rank outside a meet table holds (meet-table.ts; 4-byte whole ms): a meeting of this many
 * ms or more is none. The same 4-byte "none" as a one-to-all result's (hierarchy-query.ts).
 */
export const UNMET = UNREACHABLE;

/** A rank the search under way has not reached (every distance is whole ms below it). */
const UNSEEN = UNREACHABLE;

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

/**
 * Builds search spaces; scratch is reused (one search at a time). Searches are memory-bound: most
 * of their time is spent reading the tentative distance of ranks met along arcs (stall checks and
 * relaxations), so those distances are one compact array (4 bytes a rank: whole milliseconds,
 * UNSEEN when not yet reached, reset after each search from the list of ranks touched; a way of
 * 2^32 - 1 ms or more, some seven weeks, counts as none, as in the one-to-all trees) and the parent
 * arc, parent rank and seed are kept apart, written only when a distance improves. Each arc list
 * is one interleaved array of (other end, weight) pairs, 8 bytes an arc, built once here; arc ids,
 * read only when a distance improves, stay in the hierarchy's own array.
 */
export class SpaceSearch {
  /** Tentative whole milliseconds by rank in the search under way; UNSEEN when not reached. */
  private readonly dist: Uint32Array;
  private readonly parentArc: Int32Array;
  private readonly parentRank: Int32Array;
  private readonly root: Int8Array;
  /** Ranks given a distance in the search under way (to reset `dist` after it). */
  private readonly touched: Int32Array;
  /** Per upward arc out of a rank (upOut order): head, weight, arc id. */
  private readonly outArcs: Uint32Array;
  /** Per upward arc into a rank (upIn order): tail, weight, arc id. */
  private readonly inArcs: Uint32Array;
  private readonly settled: Int32Array;
  /** Position of a settled rank in the space being made (valid only for this search's ranks). */
  private readonly position: Int32Array;
  private readonly heap = new MinHeap(512);
  private readonly slab = new Slab();

  constructor(private readonly h: Hierarchy) {
    const n = h.rank.length;
    this.dist = new Uint32Array(n).fill(UNSEEN);
    this.parentArc = new Int32Array(n);
    this.parentRank = new Int32Array(n);
    this.root = new Int8Array(n);
    this.touched = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.position = new Int32Array(n);
    this.outArcs = interleave(h.upOutHead, h.upOutWeight);
    this.inArcs = interleave(h.upInTail, h.upInWeight);
  }

  /** The forward space of `seeds`: what their upward search reaches along out-arcs. */
  forward(seeds: Seeds): SearchSpace {
    return this.search(seeds, this.h.upOutFirst, this.outArcs, this.h.upOutArc, this.h.upInFirst, this.inArcs);
  }

  /** The backward space of `seeds`: what reaches them, climbing in-arcs. */
  backward(seeds: Seeds): SearchSpace {
    return this.search(seeds, this.h.upInFirst, this.inArcs, this.h.upInArc, this.h.upOutFirst, this.outArcs);
  }

  /**
   * The least ms from `seeds` to the end of a meet table (meet-table.ts: its `dist`, UNMET
   * outside it; tableTo: a destination's backward spaces) when it is at most `limitMs`, else Infinity: an upward search that meets the
   * table as it settles, stopping once its next distance reaches the best meeting or passes the
   * limit (every meeting still to come is at least that distance), and keeps no space. Exact up to
   * the limit: the same ms as meeting the seeds' spaces with the table. With `toward` (lower
   * bounds on the ms from a node to the table's end), a node whose distance plus bound cannot come
   * within the limit or beat the best met so far is neither met nor climbed from (goal-directed:
   * CH with landmarks), which changes nothing up to the limit.
   */
  forwardToTable(seeds: Seeds, tableDist: Uint32Array, limitMs: number, toward: NodeBounds | null = null): number {
    const first = this.h.upOutFirst;
    const arcs = this.outArcs;
    const stallFirst = this.h.upInFirst;
    const stallArcs = this.inArcs;
    const { rank } = this.h;
    const { dist, heap, touched } = this;
    heap.clear();
    let touchedCount = 0;
    for (let i = 0; i < seeds.nodes.length; i++) {
      const r = rank[seeds.nodes[i]!]!;
      const c = seedCost(seeds, i);
      const known = dist[r]!;
      if (known <= c) continue;
      if (known === UNSEEN) touched[touchedCount++] = r;
      dist[r] = c;
      heap.push(c, r);
    }
    let best = Infinity;
    while (heap.size > 0) {
      const d = heap.peekKey();
      if (d >= best || d > limitMs) break;
      const v = heap.pop();
      if (d > dist[v]!) continue;
      if (toward !== null) {
        // Every way on through v (met here or further up) is at least d + the bound: when that
        // cannot beat the best met nor come within the limit, v is not met nor climbed from.
        // Asked before the stall check: one read of a cache line (the landmarks' distances to v
        // lie together) against a read per arc into v (London week: 2.48M reads -> 1.53M, 0.11M
        // more bounds asked).
        const atLeast = d + toward.atLeast(v);
        if (atLeast >= best || atLeast > limitMs) continue;
      }
      let stalled = false;
      for (let a = stallFirst[v]! * 2, end = stallFirst[v + 1]! * 2; a < end; a += 2) {
        if (dist[stallArcs[a]!]! + stallArcs[a + 1]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      const met = d + tableDist[v]!;
      if (met < best) best = met;
      for (let k = first[v]!, end = first[v + 1]!; k < end; k++) {
        const x = arcs[2 * k]!;
        const nd = d + arcs[2 * k + 1]!;
        const known = dist[x]!;
        if (nd >= known) continue;
        if (known === UNSEEN) touched[touchedCount++] = x;
        dist[x] = nd;
        heap.push(nd, x);
      }
    }
    for (let i = 0; i < touchedCount; i++) dist[touched[i]!] = UNSEEN;
    // A meeting of UNMET ms or more is a rank outside the table: none.
    return best <= limitMs && best < UNMET ? best : Infinity;
  }

  private search(seeds: Seeds, first: Uint32Array, arcs: Uint32Array, arcIds: Uint32Array, stallFirst: Uint32Array, stallArcs: Uint32Array): SearchSpace {
    const { rank } = this.h;
    const { dist, parentArc, parentRank, root, heap, settled, touched } = this;
    heap.clear();
    let touchedCount = 0;
    for (let i = 0; i < seeds.nodes.length; i++) {
      const r = rank[seeds.nodes[i]!]!;
      const c = seedCost(seeds, i);
      const known = dist[r]!;
      if (known <= c) continue;
      if (known === UNSEEN) touched[touchedCount++] = r;
      dist[r] = c;
      parentArc[r] = -1;
      parentRank[r] = -1;
      root[r] = i;
      heap.push(c, r);
    }
    let count = 0;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      // Stall on demand: a higher node already offers a shorter way to v, so v is on no shortest path up.
      let stalled = false;
      for (let a = stallFirst[v]! * 2, end = stallFirst[v + 1]! * 2; a < end; a += 2) {
        if (dist[stallArcs[a]!]! + stallArcs[a + 1]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      settled[count++] = v;
      for (let k = first[v]!, end = first[v + 1]!; k < end; k++) {
        const x = arcs[2 * k]!;
        const nd = d + arcs[2 * k + 1]!;
        const known = dist[x]!;
        if (nd >= known) continue;
        if (known === UNSEEN) touched[touchedCount++] = x;
        dist[x] = nd;
        parentArc[x] = arcIds[k]!;
        parentRank[x] = v;
        root[x] = root[v]!;
        heap.push(nd, x);
      }
    }
    const space = this.collect(count);
    for (let i = 0; i < touchedCount; i++) dist[touched[i]!] = UNSEEN;
    return space;
  }

  /** The space of the `count` ranks settled, sorted by rank, in one stretch of the slab. */
  private collect(count: number): SearchSpace {
    const { dist: tentative, root, position } = this;
    // One stretch of a shared buffer for all five arrays (distances first, 8-byte aligned, then
    // the 4-byte ones, then the seeds): a buffer of its own per space cost as much as the search.
    const { buffer, at } = this.slab.take(count);
    const dist = new Float64Array(buffer, at, count);
    const ranks = new Uint32Array(buffer, at + count * 8, count);
    const parentArc = new Int32Array(buffer, at + count * 12, count);
    const parentIndex = new Int32Array(buffer, at + count * 16, count);
    const seed = new Int8Array(buffer, at + count * 20, count);
    // Insertion sort: an upward search settles ranks nearly in order (it climbs).
    const settled = this.settled;
    for (let i = 0; i < count; i++) {
      const r = settled[i]!;
      let j = i;
      while (j > 0 && ranks[j - 1]! > r) {
        ranks[j] = ranks[j - 1]!;
        j--;
      }
      ranks[j] = r;
    }
    const parentOf = this.parentArc;
    for (let i = 0; i < count; i++) {
      const r = ranks[i]!;
      position[r] = i;
      dist[i] = tentative[r]!;
      parentArc[i] = parentOf[r]!;
      seed[i] = root[r]!;
    }
    // A settled node's parent was settled before it (and never stalled), so it is in the space.
    const parentRank = this.parentRank;
    for (let i = 0; i < count; i++) {
      const p = parentRank[ranks[i]!]!;
      parentIndex[i] = p < 0 ? -1 : position[p]!;
    }
    return { ranks, dist, parentArc, parentIndex, seed };
  }
}

/** Bytes of one slab buffer (spaces are carved from it; a larger space gets a buffer of its own). */
const SLAB_BYTES = 1 << 20;

/**
 * Stretches of shared buffers for spaces: 21 bytes an entry, each stretch starting 8-byte aligned.
 * A buffer is freed once every space carved from it is dropped (the cache drops spaces a
 * generation at a time, and spaces made together mostly go together).
 */
class Slab {
  private buffer = new ArrayBuffer(SLAB_BYTES);
  private used = 0;

  take(count: number): { buffer: ArrayBuffer; at: number } {
    const bytes = (count * 21 + 7) & ~7;
    if (bytes > SLAB_BYTES / 4) return { buffer: new ArrayBuffer(bytes), at: 0 };
    if (this.used + bytes > SLAB_BYTES) {
      this.buffer = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const at = this.used;
    this.used += bytes;
    return { buffer: this.buffer, at };
  }
}

/** Two parallel arrays as one, element by element. */
function interleave(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length * 2);
  for (let i = 0; i < a.length; i++) {
    out[2 * i] = a[i]!;
    out[2 * i + 1] = b[i]!;
  }
  return out;
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

/** Seed `i`'s cost, which must be a whole number of ms below UNSEEN. */
function seedCost(seeds: Seeds, i: number): number {
  const c = seeds.costs[i]!;
  if (!(Number.isInteger(c) && c >= 0 && c < UNSEEN)) throw new Error(`search space: seed cost ${c} ms is not a whole number of milliseconds below 2^32 - 1`);
  return c;
}
