/**
 * Exact road ms from origins to the destinations of recent rankings (road-rank.ts), kept per
 * destination: dispatch then asks the trip of the unit it picked, which RoadQueries.ms answers
 * from here instead of meeting the spaces again; and incidents come back to the same places (a
 * London week ranks 38,686 times to 4,811 places), so the next ranking to a place finds the bases
 * near it timed already, with no query. Keyed by road positions (road, metres along it), which fix
 * the ms, so a time found here is the time any query gives.
 *
 * Each destination keeps its last NOTES_PER_PLACE times (units on the move are somewhere new each
 * time: the oldest make room); beyond MAX_PLACES destinations all are dropped and notes start
 * afresh (the same at every run: nothing here changes a result).
 */
import { positionKey, type RoadPos } from './ends';

/** Times kept per destination, at most (a ring: the oldest make room). */
const NOTES_PER_PLACE = 32;
/** Destinations kept, at most; beyond it all are dropped. */
const MAX_PLACES = 16_384;

/** The notes of one destination: (road, metres along it, ms) in one array (one allocation a place). */
class Notes {
  private readonly data = new Float64Array(3 * NOTES_PER_PLACE);
  /** Notes kept (at most NOTES_PER_PLACE). */
  private count = 0;
  /** Notes made in all (the next goes at `made % NOTES_PER_PLACE` once full). */
  private made = 0;

  constructor(
    readonly toRoad: number,
    readonly toPosM: number,
  ) {}

  add(from: RoadPos, ms: number): void {
    const at = 3 * (this.made % NOTES_PER_PLACE);
    this.data[at] = from.road;
    this.data[at + 1] = from.posM;
    this.data[at + 2] = ms;
    this.made++;
    if (this.count < NOTES_PER_PLACE) this.count++;
  }

  find(from: RoadPos): number {
    const data = this.data;
    for (let at = 0, end = 3 * this.count; at < end; at += 3) if (data[at] === from.road && data[at + 1] === from.posM) return data[at + 2]!;
    return NaN;
  }
}

export class RecentTimes {
  private readonly places = new Map<number, Notes>();
  /** The notes of the destination in hand (`begin`). */
  private notes: Notes | null = null;

  /** Starts noting exact times to `to` (keeping those noted to it before). */
  begin(to: RoadPos): void {
    const key = positionKey(to);
    let notes = this.places.get(key);
    // A key names a position to the centimetre: another position under it starts afresh.
    if (!notes || notes.toRoad !== to.road || notes.toPosM !== to.posM) {
      if (!notes && this.places.size >= MAX_PLACES) this.places.clear();
      notes = new Notes(to.road, to.posM);
      this.places.set(key, notes);
    }
    this.notes = notes;
  }

  /** Notes the exact ms from `from` to the destination of `begin`. */
  note(from: RoadPos, ms: number): void {
    this.notes?.add(from, ms);
  }

  /** The ms from `from` to the destination of `begin` noted before, or NaN. */
  noted(from: RoadPos): number {
    return this.notes ? this.notes.find(from) : NaN;
  }

  /** The ms from `from` to `to` noted before (to the destination in hand, or the last before it for `to`), or NaN. */
  find(from: RoadPos, to: RoadPos): number {
    const t = this.notes;
    if (t !== null && t.toRoad === to.road && t.toPosM === to.posM) return t.find(from);
    const other = this.places.get(positionKey(to));
    return other && other.toRoad === to.road && other.toPosM === to.posM ? other.find(from) : NaN;
  }
}
