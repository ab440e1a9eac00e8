/**
 * One end of many queries, spread out by rank: for each rank, the least of (seed cost + distance)
 * over the search spaces of a place's ways in (or out). A query from any other place is then one
 * pass over that place's space with a table lookup per entry, instead of a merge of every pair of
 * spaces. Distances are whole milliseconds, so the sums come out the same whichever way they are
 * grouped: the table gives exactly what merging the spaces pair by pair gives.
 *
 * The table holds whole milliseconds in 4 bytes a rank (half the memory of 8-byte numbers: every
 * query reads it at random, so fewer cache misses). Ranks not in the table hold UNMET (2^32 - 1;
 * the ranks a table set are put back when the next is set), so a lookup is one read and an
 * addition, with no check: a rank outside adds UNMET, and a sum of UNMET or more is no meeting
 * (Infinity). A way of 2^32 - 1 ms or more, some seven weeks, counts as none, as in the search
 * spaces and the one-to-all trees.
 */
import { UNMET, type SearchSpace } from './search-space';

export class MeetTable {
  /** Per rank: the least ms through it to (or from) the table's end; UNMET outside the table. */
  readonly dist: Uint32Array;
  /** Ranks the table in hand has set (to put back to UNMET). */
  private touched = new Int32Array(1024);
  private touchedCount = 0;

  /** `ranks`: the number of nodes of the hierarchy. */
  constructor(ranks: number) {
    this.dist = new Uint32Array(ranks).fill(UNMET);
  }

  /** Makes the table of `spaces[i]` reached at cost `costs[i]` (forgetting the one before). */
  set(spaces: readonly SearchSpace[], costs: readonly number[]): void {
    const dist = this.dist;
    let touched = this.touched;
    let n = this.touchedCount;
    for (let i = 0; i < n; i++) dist[touched[i]!] = UNMET;
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
        if (known === UNMET) touched[n++] = r;
        // Below UNMET, so it fits in 4 bytes (a sum of UNMET or more is kept out: no meeting).
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
    return best < UNMET ? best : Infinity;
  }
}

/**
 * Where `mergedMeeting` found its best: the way out (`i`), the way in (`j`) and the entries of
 * their spaces (`f`, `b`); -1 when nothing met. Refilled by each call: read it at once.
 */
export interface Meeting {
  i: number;
  j: number;
  f: number;
  b: number;
}

/**
 * The least ms from the ways out (`outCosts`, their forward spaces) to the ways in (`inCosts`,
 * their backward spaces) through nodes, Infinity if none: every pair of sorted spaces merged. For
 * one pair of places this reads about 115 entries each way in order (London), where a table is
 * written and read at ranks all over it (`set`, then `meet`); the same sums of whole ms, so the
 * same answer. Notes in `at` where the best meeting is: the first pair of ways (out, then in, in
 * their order) and the first shared rank (ascending) that give the least sum, as
 * RoadQueries.route picks them, so a route found later need not merge the spaces again.
 */
export function mergedMeeting(outCosts: readonly number[], forward: readonly SearchSpace[], inCosts: readonly number[], backward: readonly SearchSpace[], at: Meeting): number {
  let ms = Infinity;
  at.i = at.j = at.f = at.b = -1;
  for (let i = 0; i < forward.length; i++) {
    const { ranks: fr, dist: fd } = forward[i]!;
    for (let j = 0; j < backward.length; j++) {
      const { ranks: br, dist: bd } = backward[j]!;
      // search-space.ts meetDistance, keeping the first entry of the least sum.
      let x = 0;
      let y = 0;
      let best = Infinity;
      let bf = -1;
      let bb = -1;
      while (x < fr.length && y < br.length) {
        const a = fr[x]!;
        const b = br[y]!;
        if (a < b) x++;
        else if (a > b) y++;
        else {
          const sum = fd[x]! + bd[y]!;
          if (sum < best) {
            best = sum;
            bf = x;
            bb = y;
          }
          x++;
          y++;
        }
      }
      const total = outCosts[i]! + best + inCosts[j]!;
      if (total < ms) {
        ms = total;
        at.i = i;
        at.j = j;
        at.f = bf;
        at.b = bb;
      }
    }
  }
  return ms;
}

/** Entries of a space a meeting number can name (`meetingKey`). */
const MEETING_ENTRIES = 2 ** 20;

/** A meeting as one number (entries f and b, ways i and j, each 0 or 1); NaN for none, or one too large to name. */
export function meetingKey(m: Meeting): number {
  if (!(m.f >= 0 && m.b >= 0 && m.f < MEETING_ENTRIES && m.b < MEETING_ENTRIES && m.i >= 0 && m.i < 2 && m.j >= 0 && m.j < 2)) return NaN;
  return ((m.f * MEETING_ENTRIES + m.b) * 2 + m.i) * 2 + m.j;
}

/** Reads a meeting number (`meetingKey`) into `m`; false for NaN. */
export function readMeeting(key: number, m: Meeting): boolean {
  if (key !== key) return false;
  m.j = key % 2;
  m.i = Math.floor(key / 2) % 2;
  m.b = Math.floor(key / 4) % MEETING_ENTRIES;
  m.f = Math.floor(key / (4 * MEETING_ENTRIES));
  return true;
}
