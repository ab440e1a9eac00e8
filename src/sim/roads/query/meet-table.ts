/**
 * One end of many queries, spread out by rank: for each rank, the least of (seed cost + distance)
 * over the search spaces of a place's ways in (or out). A query from any other place is then one
 * pass over that place's space with a table lookup per entry, instead of a merge of every pair of
 * spaces. Distances are whole milliseconds, so the sums come out the same whichever way they are
 * grouped: the table gives exactly what merging the spaces pair by pair gives.
 *
 * Ranks not in the table hold Infinity (the ranks a table set are put back when the next is set),
 * so a lookup is one read and an addition, with no check: a rank outside adds Infinity, which never
 * wins.
 */
import type { SearchSpace } from './search-space';

export class MeetTable {
  /** Per rank: the least ms through it to (or from) the table's end; Infinity outside the table. */
  readonly dist: Float64Array;
  /** Ranks the table in hand has set (to put back to Infinity). */
  private touched = new Int32Array(1024);
  private touchedCount = 0;

  /** `ranks`: the number of nodes of the hierarchy. */
  constructor(ranks: number) {
    this.dist = new Float64Array(ranks).fill(Infinity);
  }

  /** Makes the table of `spaces[i]` reached at cost `costs[i]` (forgetting the one before). */
  set(spaces: readonly SearchSpace[], costs: readonly number[]): void {
    const dist = this.dist;
    let touched = this.touched;
    let n = this.touchedCount;
    for (let i = 0; i < n; i++) dist[touched[i]!] = Infinity;
    n = 0;
    for (let i = 0; i < spaces.length; i++) {
      const { ranks, dist: d } = spaces[i]!;
      const c = costs[i]!;
      if (n + ranks.length > touched.length) {
        const grown = new Int32Array(2 * (n + ranks.length));
        grown.set(touched.subarray(0, n));
        touched = this.touched = grown;
      }
      for (let k = 0; k < ranks.length; k++) {
        const r = ranks[k]!;
        const x = c + d[k]!;
        const known = dist[r]!;
        if (known === Infinity) touched[n++] = r;
        if (x < known) dist[r] = x;
      }
    }
    this.touchedCount = n;
  }

  /** The best meeting of `space` with the table: min over shared ranks of the two distances; Infinity if none. */
  meet(space: SearchSpace): number {
    const dist = this.dist;
    const { ranks, dist: d } = space;
    let best = Infinity;
    for (let k = 0; k < ranks.length; k++) {
      const x = d[k]! + dist[ranks[k]!]!;
      if (x < best) best = x;
    }
    return best;
  }
}
