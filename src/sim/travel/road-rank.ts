/**
 * Ranking on the roads (TravelModel.rankTo for road.ts): the k quickest origins to a destination,
 * exactly, ties to the lower index.
 *
 * - Places with a one-to-all tree (the bases met most often) are timed exactly at once: a lookup.
 * - The rest (other bases, units on the roads) get lower bounds (the landmarks,
 *   roads/query/landmarks.ts; straight metres at the fastest speed; the direct time), which rule
 *   most of them out unqueried; those left are taken in order of their bounds (the likely winner
 *   first) until none can enter the top k. A base is timed by its kept search spaces (about half
 *   the bases a ranking used to time at once never are now: London week, 119,196 exact queries
 *   down to 64,403).
 * - A unit on the road part of a trip not yet placed (road-trip.ts TripPlace) is bounded from its
 *   trip alone: it is at most `e` road milliseconds (the time driven) from the trip's origin, so
 *   its road time is at least the origin's landmark bound less `e`, and its straight metres at
 *   least the origin's (or the destination's) less the metres it can have driven (or have left).
 *   Once placed, the next ranking bounds it so from where it was placed (the road time driven since
 *   instead of since its trip began): London week, placements 42,453 -> 38,599.
 *   It is placed (its route found, its position looked up) only when its turn comes; a unit
 *   gliding directly is snapped the same way. Either, bounded again and now behind the next,
 *   waits its turn. (Bounding it first by its trip origin's exact time, when that needs no
 *   search, placed a fifth fewer units a week but cost what it saved: tried and taken out.)
 *
 * Every bound is a true lower bound of the exact time the model gives, so the result does not
 * depend on which bounds are used: only how many exact queries it takes.
 */
import type { Place, Ranked } from '../world';
import { greatCircleM } from '../geo';
import { GlidePlace, straightAtLeastM } from './direct';
import { roadPosition, type RoadPos } from '../roads/query/ends';
import type { RoadGraph } from '../roads/graph';
import type { RoadQueries } from '../roads/query/road-queries';
import { RankScratch, TopK } from './top-k';
import { TripPlace, type RoadTrip } from './road-trip';

/**
 * Milliseconds added to the road time a unit has driven when bounding it from its trip's origin:
 * part-edge costs are rounded up on each side of a place (see landmarks.ts LANDMARK_SLACK_MS).
 */
const TRIP_SLACK_MS = 8;
/** Metres added to the straight metres a unit can have covered (interpolation within segments). */
const TRIP_SLACK_M = 2;
/** Share added to the road metres a unit can have covered (edge lengths and vertex coordinates rounded apart). */
const METRES_SHARE = 1e-4;
/** Shares of an end's access metres counted as straight metres to its road position (snapping's projection). */
const ACCESS_WAY_SHARE = 1.02;

/** What ranking reads of the road travel model (road.ts). */
export interface RankingModel {
  readonly graph: RoadGraph;
  readonly roads: RoadQueries;
  readonly scratch: RankScratch;
  /** Seconds per straight metre off the roads, before the scale. */
  readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre. */
  readonly msPerMLowerBound: number;
  readonly rankStats: RankStats;
  scaleAt(departS: number, blueLight: boolean): number;
  accessS(place: Place): number;
  onRoad(place: Place): Place;
  total(roadMs: number, o: Place, d: Place, scale: number): number;
  quicker(roadS: number, o: Place, d: Place, scale: number): number;
  directS(o: Place, d: Place, scale: number): number;
  roadAtLeastS(straightM: number, accessM: number, d: Place, scale: number): number;
}

/**
 * Ranking so far (for benchmarks and tests): exact road queries made, units gliding directly
 * snapped for a road bound, and of those the ones the new bound sent back behind others; units on
 * the move bounded from their trip, and of those the ones placed.
 */
export interface RankStats {
  roadQueries: number;
  glidesBounded: number;
  glidesDeferred: number;
  movingBounded: number;
  movingPlaced: number;
}

/** A place on the road with no access leg (a unit on the road part of its trip). */
const ON_ROAD: Place = { lon: 0, lat: 0, edge: 0, offsetM: 0, accessM: 0 };

export function rankOnRoads(m: RankingModel, origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
  const count = Math.min(Math.max(0, Math.floor(k)), origins.length);
  if (count === 0) return [];
  const roads = m.roads;
  const graph = m.graph;
  const scale = m.scaleAt(departS, blueLight);
  const d = m.onRoad(dest);
  const to = roadPosition(graph, d);
  const into = roads.rankEntries(to);
  roads.noteTo(to);
  let tableSet = false;
  const n = origins.length;
  const scratch = m.scratch.sized(n); // reused arrays (one ranking at a time)
  const best = scratch.best.reset(count);
  // Road position of each origin (froms; undefined: a glide not yet snapped, a unit not yet placed),
  // the place itself (places), bounds of those left for later.
  const { later, bounds, roadBounds, froms, places } = scratch;
  let laterCount = 0;
  // The last place timed exactly here: units at one base share its Place (6 in 10 origins).
  let timed: Place | null = null;
  let timedS = 0;
  for (let i = 0; i < n; i++) {
    let place = origins[i]!;
    if (place instanceof TripPlace) {
      // A unit on the road part of its trip is bounded from its trip (placed when its turn comes);
      // on an access leg, or placed already, it is the place worked out.
      if (!place.resolved && place.elapsedS >= place.trip.roadStartS && place.elapsedS < place.trip.roadEndS) {
        places[i] = place;
        froms[i] = undefined;
        later[laterCount++] = i;
        continue;
      }
      place = place.place();
    }
    places[i] = place;
    if (place === timed) {
      best.offer(timedS, i);
      continue;
    }
    // A unit gliding directly is snapped only if its road journey could count (see below).
    if (place instanceof GlidePlace && !place.snapped) {
      froms[i] = undefined;
      later[laterCount++] = i;
      continue;
    }
    const o = m.onRoad(place);
    const from = roadPosition(graph, o);
    froms[i] = from;
    const tree = roads.tree(from);
    // By its tree (two reads), or timed exactly before (a ranking to this place before:
    // recent-times.ts, a scan of the place's notes, not made for an origin with a tree: nor is
    // its time noted, as RoadQueries.ms asks the tree too).
    const noted = tree ? NaN : roads.notedTime(from);
    if (tree || noted === noted) {
      timed = place;
      let ms = noted;
      if (tree) ms = roads.viaTree(tree, from, to, into);
      else if (roads.trees.counting) {
        // Counted as the query it saves would have been: a base timed often earns its tree (a landmark).
        roads.noteUse(from);
      }
      timedS = m.quicker(m.total(ms, o, d, scale), o, d, scale);
      best.offer(timedS, i);
      continue;
    }
    // The rest (a base without a tree, a unit on the roads) are bounded below, and timed exactly
    // in order of their bounds while they can still enter the top k.
    later[laterCount++] = i;
  }
  // Lower bounds for the rest: the road journey's (landmarks, straight metres at the fastest
  // speed), the journey's (that or the direct time); one worse than the k-th best is dropped.
  const landmarks = laterCount > 0 && roads.trees.size > 0;
  if (landmarks) roads.landmarks.prepare(roads.trees, to, into);
  let kept = 0;
  for (let at = 0; at < laterCount; at++) {
    const i = later[at]!;
    const place = places[i]!;
    if (place instanceof TripPlace) {
      m.rankStats.movingBounded++;
      const trip = tripBoundsS(m, place, d, scale, best.full ? best.worstTime : Infinity, landmarks);
      bounds[i] = trip.direct < trip.road ? trip.direct : trip.road;
      roadBounds[i] = trip.road;
    } else {
      const from = froms[i];
      const o = from ? m.onRoad(place) : place;
      const straightM = straightAtLeastM(graph, o, d.lon, d.lat);
      const road = from ? roadBoundS(m, o, from, d, straightM, scale, best, landmarks) : m.roadAtLeastS(straightM, (place as GlidePlace).accessAtLeastM, d, scale);
      const direct = straightM * m.accessSPerM * scale;
      bounds[i] = direct < road ? direct : road;
      roadBounds[i] = road;
    }
    if (!(best.full && bounds[i]! > best.worstTime)) later[kept++] = i;
  }
  laterCount = kept;
  scratch.sortByBound(laterCount);
  for (let at = 0; at < laterCount; at++) {
    const i = later[at]!;
    // Strictly worse than the k-th best even at its lower bound: so are all that follow.
    if (best.full && bounds[i]! > best.worstTime) break;
    let place = places[i]!;
    if (place instanceof TripPlace) {
      // A unit on the move whose turn has come: placed now, it gets the bounds of a unit on the
      // roads (no weaker than its trip's); when they put it behind the next, it waits.
      m.rankStats.movingPlaced++;
      const trip = place.trip;
      const t = place.elapsedS;
      place = places[i] = place.place();
      // Its road position, kept by the trip for the next ranking's bound (tripBoundsS).
      const from = trip.placedOnRoad === place && trip.placedAtS === t ? trip.placedRoadPos : roadPosition(graph, place);
      froms[i] = from;
      const straightM = straightAtLeastM(graph, place, d.lon, d.lat);
      const road = Math.max(roadBounds[i]!, roadBoundS(m, place, from, d, straightM, scale, best, landmarks));
      const direct = straightM * m.accessSPerM * scale;
      roadBounds[i] = road;
      bounds[i] = Math.max(bounds[i]!, direct < road ? direct : road);
      if (deferred(scratch, at, laterCount)) {
        at--;
        continue;
      }
      if (best.full && bounds[i]! > best.worstTime) break;
    }
    const direct = m.directS(place, d, scale);
    if (!froms[i] && !(direct <= roadBounds[i]! || (best.full && roadBounds[i]! > best.worstTime))) {
      // A unit gliding directly whose road journey could count: snapped now, it gets a road
      // bound as tight as a unit on the roads'; when that puts it behind the next, it waits.
      m.rankStats.glidesBounded++;
      const o = m.onRoad(place);
      const from = roadPosition(graph, o);
      froms[i] = from;
      const straightM = greatCircleM(o.lon, o.lat, d.lon, d.lat);
      const road = Math.max(roadBounds[i]!, roadBoundS(m, o, from, d, straightM, scale, best, landmarks));
      roadBounds[i] = road;
      bounds[i] = direct < road ? direct : road;
      if (deferred(scratch, at, laterCount)) {
        m.rankStats.glidesDeferred++;
        at--;
        continue;
      }
      if (best.full && bounds[i]! > best.worstTime) break;
    }
    // No road journey can beat the direct one, or none could enter the top k: no road query.
    if (direct <= roadBounds[i]! || (best.full && roadBounds[i]! > best.worstTime)) {
      best.offer(direct, i);
      continue;
    }
    const o = m.onRoad(place);
    const from = froms[i] ?? roadPosition(graph, o);
    const tree = roads.tree(from);
    let ms: number;
    if (tree) {
      ms = roads.viaTree(tree, from, to, into);
      roads.noteExact(from, ms);
    } else {
      if (!tableSet) {
        roads.tableTo(into);
        tableSet = true;
      }
      m.rankStats.roadQueries++;
      // Road ms beyond which this origin is out anyway (its access legs and the scale taken off,
      // with a margin for rounding): the query need not find more than that.
      const limit = best.full ? (best.worstTime / scale - m.accessS(o) - m.accessS(d)) * 1000 * (1 + 1e-9) + 1 : Infinity;
      ms = roads.rankQuery(from, to, into, limit, landmarks ? roads.landmarks : null);
      if (ms > limit) {
        // Out (or Infinity: not found within the limit): the direct journey is its time, as good as any above the k-th.
        best.offer(m.quicker(Infinity, o, d, scale), i);
        continue;
      }
    }
    best.offer(m.quicker(m.total(ms, o, d, scale), o, d, scale), i);
  }
  return best.result();
}

/**
 * Moves the origin at `later[at]`, bounded again, back behind those whose bounds are now lower
 * (ties to the lower index); true when it moved (the one now at `at` comes next).
 */
function deferred(scratch: RankScratch, at: number, laterCount: number): boolean {
  const { later, bounds } = scratch;
  const i = later[at]!;
  let slot = at;
  while (slot + 1 < laterCount && (bounds[later[slot + 1]!]! < bounds[i]! || (bounds[later[slot + 1]!]! === bounds[i]! && later[slot + 1]! < i))) {
    later[slot] = later[slot + 1]!;
    slot++;
  }
  if (slot === at) return false;
  later[slot] = i;
  return true;
}

/** Lower bounds on a unit's road journey and direct journey, seconds (tripBoundsS fills it: read it at once). */
export interface JourneyBounds {
  road: number;
  direct: number;
}

const TRIP_BOUNDS: JourneyBounds = { road: 0, direct: 0 };

/**
 * Lower bounds on the seconds of the road journey and of the direct journey to `d` (at `scale`)
 * of a unit on the road part of its trip, not placed: it has driven at most `e` road ms from the
 * trip's origin (the time since it reached the road, at the trip's scale), so every landmark
 * reaches it within its reach of the origin plus `e` (the route is a shortest way) and its road
 * time to `d` is at least the origin's landmark bound (`landmarks`: prepared for `d`) less `e`;
 * it is at most `e` road ms (at the fastest road speed, that many metres) from the origin's road
 * position, and at most the rest of the road part from the destination's, which bounds its
 * straight metres to `d` (for the direct time, and the roads' fastest speed). When the trip has
 * placed it before on the road part (an earlier ranking), the landmark bound starts from there
 * instead, less the road ms driven since (the route goes on from there: the same argument). The
 * landmark bound is skipped when the straight metres put both bounds past `enoughS`, and stops
 * once the road bound passes it.
 */
export function tripBoundsS(m: RankingModel, place: TripPlace, d: Place, scale: number, enoughS: number, landmarks: boolean): JourneyBounds {
  const trip = place.trip;
  const timing = trip.timing;
  const driven = drivenMs(place);
  const leftMs = Math.max(trip.roadMs - driven, 0) + 2 * TRIP_SLACK_MS;
  // Straight metres it can have covered from the origin, and can have left to the destination.
  const msPerM = m.msPerMLowerBound;
  const o = timing.origin;
  const h = timing.dest;
  const fromOrigin = greatCircleM(o.lon, o.lat, d.lon, d.lat) - (o.accessM * ACCESS_WAY_SHARE + (driven / msPerM) * (1 + METRES_SHARE) + TRIP_SLACK_M);
  const fromDest = greatCircleM(h.lon, h.lat, d.lon, d.lat) - (h.accessM * ACCESS_WAY_SHARE + (leftMs / msPerM) * (1 + METRES_SHARE) + TRIP_SLACK_M);
  // Placed before on this trip, no later (an earlier ranking): it has driven at most `since` road ms on from there.
  const placed = trip.placedOnRoad;
  const fromPlaced = placed !== null && trip.placedAtS <= place.elapsedS;
  const since = fromPlaced ? driven - rawDrivenMs(trip, trip.placedAtS) : driven;
  // Its straight metres from there, when its coordinates were worked out.
  const fromPlace = fromPlaced && placed.located ? greatCircleM(placed.lon, placed.lat, d.lon, d.lat) - ((since / msPerM) * (1 + METRES_SHARE) + TRIP_SLACK_M) : 0;
  const straightM = Math.max(0, fromOrigin, fromDest, fromPlace) * (1 - 1e-9);
  const direct = straightM * m.accessSPerM * scale;
  const straightMs = Math.max(0, straightM - d.accessM) * msPerM;
  let roadMs = 0;
  // The landmarks only when the straight metres do not already rule the unit out (its bounds are
  // then compared with nothing but `enoughS`, which can only fall).
  if (landmarks && !(direct > enoughS && m.total(straightMs, ON_ROAD, d, scale) > enoughS)) {
    // Road ms beyond which this unit is out anyway (the destination's access leg and the scale taken off).
    // From where it was placed, when it was, else from the trip's origin.
    const enough = (enoughS / scale - m.accessS(d)) * 1000 + since;
    roadMs = Math.max(0, m.roads.landmarks.bound(m.roads.trees, fromPlaced ? trip.placedRoadPos : trip.originRoadPos, enough) - since);
  }
  TRIP_BOUNDS.road = m.total(Math.max(roadMs, straightMs), ON_ROAD, d, scale);
  TRIP_BOUNDS.direct = direct;
  return TRIP_BOUNDS;
}

/**
 * Road ms a unit on the road part of its trip can have driven from the trip's origin (the time
 * since it reached the road, at the trip's scale), with a margin for rounding.
 */
function drivenMs(place: TripPlace): number {
  return rawDrivenMs(place.trip, place.elapsedS) * (1 + 1e-9) + TRIP_SLACK_MS;
}

/** Road ms of the trip's road part run `elapsedS` seconds after departure (the time since it reached the road, at the trip's scale). */
function rawDrivenMs(trip: RoadTrip, elapsedS: number): number {
  const timing = trip.timing;
  return Math.min(Math.max((elapsedS / timing.scale - timing.accessOriginS) * 1000, 0), trip.roadMs);
}

/**
 * A lower bound on the seconds of the road journey from `o` (at road position `from`, at least
 * `straightM` straight metres from `d`) to `d`: the straight metres between the road positions
 * at the fastest road speed, and the landmarks' bound when there are trees (`landmarks`,
 * prepared for `d`), the larger (the second, which reads the trees, skipped when the first
 * already rules `o` out).
 */
function roadBoundS(m: RankingModel, o: Place, from: RoadPos, d: Place, straightM: number, scale: number, best: TopK, landmarks: boolean): number {
  const straight = Math.max(0, straightM - o.accessM - d.accessM);
  const road = m.total(straight * m.msPerMLowerBound, o, d, scale);
  if (!landmarks || (best.full && road > best.worstTime)) return road;
  // Road ms beyond which this origin is out anyway (its access legs and the scale taken off).
  const enough = best.full ? (best.worstTime / scale - m.accessS(o) - m.accessS(d)) * 1000 : Infinity;
  return Math.max(road, m.total(m.roads.landmarks.bound(m.roads.trees, from, enough), o, d, scale));
}
