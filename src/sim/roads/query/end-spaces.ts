/**
 * The backward spaces of a destination's two ways in, made one (an "end space"): per rank, the
 * lesser of (way-in cost + distance) over the two, with the way and its entry. A trip home goes to
 * one of a few bases again and again (London week: 23,617 trips from scenes timed by merging the
 * spaces), and meeting a scene's two forward spaces with one end space is two merges instead of
 * four. Kept for destinations met a second time (the bases, custody suites), not for one-offs.
 *
 * The meeting found is the one RoadQueries.route would pick (meet-table.ts mergedMeeting): the
 * least sum, ties to the lower way out, then the lower way in, then the lower rank.
 */
import { positionKey, type RoadEnd, type RoadPos } from './ends';
import type { Meeting } from './meet-table';
import type { SearchSpace } from './search-space';
import { spacesFor, type SpaceCache } from './space-cache';

/** The spaces of a destination's ways in, made one (ranks ascending). */
export interface EndSpace {
  readonly ranks: Uint32Array;
  /** Way-in cost plus the distance through the rank, the lesser of the two ways (the first on a tie). */
  readonly dist: Float64Array;
  /** The way in (0 or 1) of each entry, and its entry in that way's space. */
  readonly way: Int8Array;
  readonly entry: Int32Array;
}

/** Destinations remembered, at most (beyond it all are forgotten and met afresh). */
const MAX_ENDS = 4096;

/** End spaces of destinations met more than once, by road position. */
export class EndSpaces {
  /** Per position key: its end space, or null when met once so far. */
  private readonly ends = new Map<number, { road: number; posM: number; end: EndSpace | null }>();

  /**
   * The end space of the destination at `to` (two ways in, `into`, their backward spaces from
   * `cache`, made by `search` when missing: space-cache.ts), made on its second meeting; null the
   * first time (or with fewer ways in). Once made, the backward spaces are not looked up again.
   */
  of(to: RoadPos, into: RoadEnd, cache: SpaceCache, search: (node: number) => SearchSpace): EndSpace | null {
    if (into.nodes.length !== 2) return null;
    const key = positionKey(to);
    const kept = this.ends.get(key);
    if (kept === undefined || kept.road !== to.road || kept.posM !== to.posM) {
      if (this.ends.size >= MAX_ENDS) this.ends.clear();
      this.ends.set(key, { road: to.road, posM: to.posM, end: null });
      return null;
    }
    return (kept.end ??= endSpace(into.costs, spacesFor(into.nodes, cache, search)));
  }
}

/** The end space of two backward spaces reached at `costs`. */
export function endSpace(costs: readonly number[], spaces: readonly SearchSpace[]): EndSpace {
  const a = spaces[0]!;
  const b = spaces[1]!;
  const ca = costs[0]!;
  const cb = costs[1]!;
  const size = a.ranks.length + b.ranks.length;
  const ranks = new Uint32Array(size);
  const dist = new Float64Array(size);
  const way = new Int8Array(size);
  const entry = new Int32Array(size);
  let x = 0;
  let y = 0;
  let n = 0;
  while (x < a.ranks.length || y < b.ranks.length) {
    const ra = x < a.ranks.length ? a.ranks[x]! : Infinity;
    const rb = y < b.ranks.length ? b.ranks[y]! : Infinity;
    const da = ra <= rb ? ca + a.dist[x]! : Infinity;
    const db = rb <= ra ? cb + b.dist[y]! : Infinity;
    ranks[n] = ra <= rb ? ra : rb;
    // The first way in on a tie (route's order).
    if (da <= db) {
      dist[n] = da;
      way[n] = 0;
      entry[n] = x;
    } else {
      dist[n] = db;
      way[n] = 1;
      entry[n] = y;
    }
    n++;
    if (ra <= rb) x++;
    if (rb <= ra) y++;
  }
  return { ranks: ranks.subarray(0, n), dist: dist.subarray(0, n), way: way.subarray(0, n), entry: entry.subarray(0, n) };
}

/**
 * The least ms from the ways out (`outCosts`, their forward spaces) to the destination of `end`
 * through nodes (Infinity if none), noting in `at` where: mergedMeeting's answer and meeting.
 */
export function endMeeting(outCosts: readonly number[], forward: readonly SearchSpace[], end: EndSpace, at: Meeting): number {
  let ms = Infinity;
  at.i = at.j = at.f = at.b = -1;
  const { ranks: er, dist: ed, way } = end;
  for (let i = 0; i < forward.length; i++) {
    const { ranks: fr, dist: fd } = forward[i]!;
    const c = outCosts[i]!;
    let x = 0;
    let y = 0;
    // The least sum for this way out, ties to the lower way in, then the lower rank.
    let best = Infinity;
    let bestWay = 2;
    let bf = -1;
    let be = -1;
    while (x < fr.length && y < er.length) {
      const a = fr[x]!;
      const b = er[y]!;
      if (a < b) x++;
      else if (a > b) y++;
      else {
        const total = c + fd[x]! + ed[y]!;
        if (total < best || (total === best && way[y]! < bestWay)) {
          best = total;
          bestWay = way[y]!;
          bf = x;
          be = y;
        }
        x++;
        y++;
      }
    }
    if (best < ms) {
      ms = best;
      at.i = i;
      at.j = bestWay;
      at.f = bf;
      at.b = end.entry[be]!;
    }
  }
  return ms;
}
