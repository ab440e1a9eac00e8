/**
 * One origin to a fixed set of destinations (bucket-based one-to-many over the contraction
 * hierarchy, Knopp et al. 2007): the backward search spaces of every destination's ways in are
 * laid out once by rank, each rank with its bucket of (destination, ms) pairs; a query is then one
 * pass over the origin's forward spaces, each entry reading the bucket of its rank. The simulator
 * asks the way from a scene to every custody suite after each arrest, always the same suites: the
 * buckets replace a pass over every suite's spaces per query.
 *
 * Distances are whole milliseconds, so the sums come out the same whichever way they are grouped:
 * each destination gets exactly the best meeting of the origin's spaces with its own (what
 * meet-table.ts gives, table from the origin).
 */
import type { RoadEnd, RoadPos } from './ends';
import type { SearchSpace } from './search-space';

export class TargetBuckets {
  /** The destinations' road positions (road, metres along it), to tell whether a set is this one. */
  private readonly roads: Int32Array;
  private readonly posM: Float64Array;
  /** Bucket of each rank (-1: in no destination's space). */
  private readonly bucketOf: Int32Array;
  /** Bucket b holds pairs first[b] .. first[b + 1] - 1. */
  private readonly first: Int32Array;
  private readonly target: Int32Array;
  private readonly ms: Float64Array;
  /** Per destination: the best meeting of the query in hand. */
  readonly best: Float64Array;

  /**
   * `to[t]`: destination t's road position; `spaces[t]` the backward spaces of its ways in and
   * `costs[t]` the ms of each (as ends.ts `entries`).
   */
  constructor(rankCount: number, to: readonly RoadPos[], spaces: readonly (readonly SearchSpace[])[], costs: readonly (readonly number[])[]) {
    const n = to.length;
    this.roads = Int32Array.from(to, (p) => p.road);
    this.posM = Float64Array.from(to, (p) => p.posM);
    this.best = new Float64Array(n);
    // The least ms from each rank to each destination (its two ways in may share ranks). Buckets
    // are numbered in the order their ranks are first met, each holding its destinations in
    // order: counted in one pass, filled in a second (typed arrays only: this is made at a
    // fresh run's first arrests, when every allocation is costly).
    let entries = 0;
    for (let t = 0; t < n; t++) for (const way of spaces[t]!) entries += way.ranks.length;
    const bucketOf = (this.bucketOf = new Int32Array(rankCount).fill(-1));
    // Per bucket: pairs, and the last destination counted (then filled) in it.
    const count = new Int32Array(entries);
    const lastT = new Int32Array(entries).fill(-1);
    let buckets = 0;
    for (let t = 0; t < n; t++) {
      for (const { ranks } of spaces[t]!) {
        for (let k = 0; k < ranks.length; k++) {
          const r = ranks[k]!;
          let b = bucketOf[r]!;
          if (b < 0) b = bucketOf[r] = buckets++;
          if (lastT[b] !== t) {
            lastT[b] = t;
            count[b]!++;
          }
        }
      }
    }
    const first = (this.first = new Int32Array(buckets + 1));
    for (let b = 0; b < buckets; b++) first[b + 1] = first[b]! + count[b]!;
    const total = first[buckets]!;
    const target = (this.target = new Int32Array(total));
    const ms = (this.ms = new Float64Array(total));
    // Where each bucket's next pair goes (count reused), and the destination of its last pair.
    const next = count;
    next.set(first.subarray(0, buckets));
    lastT.fill(-1);
    for (let t = 0; t < n; t++) {
      const ways = spaces[t]!;
      for (let j = 0; j < ways.length; j++) {
        const { ranks, dist } = ways[j]!;
        const c = costs[t]![j]!;
        for (let k = 0; k < ranks.length; k++) {
          const b = bucketOf[ranks[k]!]!;
          const x = dist[k]! + c;
          if (lastT[b] === t) {
            const at = next[b]! - 1;
            if (x < ms[at]!) ms[at] = x;
          } else {
            lastT[b] = t;
            target[next[b]!] = t;
            ms[next[b]!++] = x;
          }
        }
      }
    }
  }

  /** Whether these are the buckets of destinations at exactly the positions `to`. */
  serves(to: readonly RoadPos[]): boolean {
    if (to.length !== this.roads.length) return false;
    for (let t = 0; t < to.length; t++) if (to[t]!.road !== this.roads[t] || to[t]!.posM !== this.posM[t]) return false;
    return true;
  }

  /** Fills `best` with the road ms through nodes from the ways out `out` (spaces `spaces`) to each destination (Infinity: none). */
  meet(out: RoadEnd, spaces: readonly SearchSpace[]): Float64Array {
    const { best, bucketOf, first, target, ms } = this;
    best.fill(Infinity);
    for (let i = 0; i < spaces.length; i++) {
      const { ranks, dist } = spaces[i]!;
      const c = out.costs[i]!;
      for (let k = 0; k < ranks.length; k++) {
        const b = bucketOf[ranks[k]!]!;
        if (b < 0) continue;
        const d = c + dist[k]!;
        for (let p = first[b]!, end = first[b + 1]!; p < end; p++) {
          const x = d + ms[p]!;
          const t = target[p]!;
          if (x < best[t]!) best[t] = x;
        }
      }
    }
    return best;
  }
}
