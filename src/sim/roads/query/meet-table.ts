/**
 * One end of many queries, spread out by rank: for each rank, the least of (seed cost + distance)
 * over the search spaces of a place's ways in (or out). A query from any other place is then one
 * pass over that place's space with a table lookup per entry, instead of a merge of every pair of
 * spaces. Distances are whole milliseconds, so the sums come out the same whichever way they are
 * grouped: the table gives exactly what merging the spaces pair by pair gives.
 */
import type { SearchSpace } from './search-space';

export class MeetTable {
  /** Per rank: the least ms through it to (or from) the table's end, valid where `stamp` is `current`. */
  readonly dist: Float64Array;
  readonly stamp: Uint32Array;
  /** The stamp of the table in hand. */
  current = 0;

  /** `ranks`: the number of nodes of the hierarchy. */
  constructor(ranks: number) {
    this.dist = new Float64Array(ranks);
    this.stamp = new Uint32Array(ranks);
  }

  /** Makes the table of `spaces[i]` reached at cost `costs[i]` (forgetting the one before). */
  set(spaces: readonly SearchSpace[], costs: readonly number[]): void {
    const stamp = ++this.current;
    const { dist, stamp: stamps } = this;
    for (let i = 0; i < spaces.length; i++) {
      const { ranks, dist: d } = spaces[i]!;
      const c = costs[i]!;
      for (let k = 0; k < ranks.length; k++) {
        const r = ranks[k]!;
        const x = c + d[k]!;
        if (stamps[r] !== stamp || x < dist[r]!) {
          stamps[r] = stamp;
          dist[r] = x;
        }
      }
    }
  }

  /** The best meeting of `space` with the table: min over shared ranks of the two distances; Infinity if none. */
  meet(space: SearchSpace): number {
    const stamp = this.current;
    const { dist, stamp: stamps } = this;
    const { ranks, dist: d } = space;
    let best = Infinity;
    for (let k = 0; k < ranks.length; k++) {
      const r = ranks[k]!;
      if (stamps[r] === stamp) {
        const x = d[k]! + dist[r]!;
        if (x < best) best = x;
      }
    }
    return best;
  }
}
