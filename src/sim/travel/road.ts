/**
 * The road TravelModel (world.ts): travel times and trips over the road graph.
 *
 * - Route weights are whole milliseconds at base speed (roads/weights.ts); a journey departing at
 *   `departS` takes (road ms / 1000 + access seconds) x congestionByHour[hour] / blueLightFactor
 *   (blue lights only when asked). Congestion and blue lights scale the whole journey, access
 *   legs included, as in the straight-line model; turnout is the simulator's.
 * - A place off the roads reaches its snapped road position by an access leg: straight metres x
 *   `detourFactor` at `offRoadSpeedKph`, at each end of every road journey. A journey is the
 *   quicker of the road journey and the direct one (the access-leg rule for the whole way,
 *   direct.ts): near places far from the modelled roads are joined directly.
 * - Road milliseconds come from roads/query/road-queries.ts: a contraction hierarchy (the graph's own when
 *   its speeds are the scenario's, else one made earlier, in this process or kept by the host's
 *   `graph.hierarchyStore`, else one contracted here, which takes seconds on a city and is then
 *   handed to the store), cached search spaces, and one-to-all trees for repeated origins.
 * - `rankTo` times the places met again and again (bases: units waiting there share the Place)
 *   exactly at once, by a tree or their kept search spaces; the first trees' origins serve as
 *   landmarks for lower bounds on units on the move (roads/query/landmarks.ts; straight metres at
 *   the fastest speed; the direct time), which rule most of them out unqueried; the rest are
 *   taken in order of their bounds until none can enter the top k (a unit gliding directly is
 *   snapped when its turn comes, bounded again and, if now behind the next, waits its turn).
 *   Every method gives the same integer road ms and direct seconds, so `rankTo`, `timesTo`,
 *   `timesFrom` and `trip` agree exactly and the caches never change a result.
 * - A trip knows its time at once; its route is found only when first needed (where the unit is,
 *   or the way drawn: most trips to a scene never need it) and kept compact (roads/query/route.ts). Road
 *   ms and routes between places met before (bases, demand points: the same Place objects) are kept.
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import { greatCircleM } from '../geo';
import type { Hierarchy } from '../roads/hierarchy';
import { DirectTrip, GlidePlace, straightAtLeastM } from './direct';
import { roadPosition, type RoadPos } from '../roads/query/ends';
import type { RoadGraph } from '../roads/graph';
import { checkCongestion, pickHierarchy, positive, type HourOfDay, type RoadTravelOptions, type RoadTravelSettings, type Snap } from './road-metric';
export type { HourOfDay, RoadTravelOptions, RoadTravelSettings, Snap } from './road-metric';
import { RoadQueries } from '../roads/query/road-queries';
import { RouteCache, type CompactRoute } from '../roads/query/route';
import { speedTable } from '../roads/speeds';
import { RankScratch, TopK } from './top-k';
import { OnRoadPlace, RoadTrip, type TripTiming } from './road-trip';
import { edgeWeightsMs, maxEdgeSpeedKph } from '../roads/weights';

/** Beyond this many origins or destinations without a tree, one sweep over all nodes is cheaper. */
const SWEEP_THRESHOLD = 64;
/** Routes kept between pairs of places (a few hundred bytes each). */
const ROUTE_CACHE_ENTRIES = 200_000;

/** Road milliseconds between two places, and the route once some trip needed it (kept by pair). */
interface RoadWay {
  readonly ms: number;
  route: CompactRoute | undefined;
}

export class RoadTravelModel implements TravelModel {
  readonly mode = 'road' as const;
  /** Base-speed milliseconds per edge. */
  readonly weights: Uint32Array;
  readonly hierarchy: Hierarchy;
  /** Exact road milliseconds between road positions, with their caches. */
  private readonly roads: RoadQueries;
  private readonly congestion: Float64Array;
  private readonly blueLightFactor: number;
  /** Seconds per straight metre off the roads (access legs, direct journeys), before the scale. */
  private readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre (1 / the fastest edge speed). */
  private readonly msPerMLowerBound: number;
  /** Whether off-road travel is no faster than the fastest road (then longer access legs never save time). */
  private readonly offRoadSlowest: boolean;
  /** Road ways between places met before (bases and demand points recur; see RouteCache). */
  private readonly ways = new RouteCache<RoadWay>(ROUTE_CACHE_ENTRIES);
  private readonly scratch = new RankScratch();
  /** `place`, for direct trips to snap the places along their glide. */
  private readonly snapPlace = (lon: number, lat: number): Place => this.place(lon, lat);

  constructor(
    readonly graph: RoadGraph,
    readonly settings: RoadTravelSettings,
    private readonly clock: HourOfDay,
    private readonly snapper: (lon: number, lat: number) => Snap,
    options: RoadTravelOptions = {},
  ) {
    const speeds = speedTable(settings.roadSpeedsKph ?? {});
    this.congestion = checkCongestion(settings.congestionByHour);
    this.blueLightFactor = positive('travel.blueLightFactor', settings.blueLightFactor ?? 1);
    const detour = positive('travel.detourFactor', settings.detourFactor);
    const offRoad = positive('travel.offRoadSpeedKph', settings.offRoadSpeedKph);
    this.accessSPerM = detour / (offRoad / 3.6);
    this.weights = edgeWeightsMs(graph, speeds);
    this.msPerMLowerBound = (3600 / maxEdgeSpeedKph(graph, speeds)) * (1 - 1e-9);
    this.offRoadSlowest = this.accessSPerM * 1000 >= this.msPerMLowerBound;
    this.hierarchy = pickHierarchy(graph, this.weights, options);
    this.roads = new RoadQueries(graph, this.weights, this.hierarchy, options);
  }

  /** Trees built so far and kept now (for benchmarks). */
  get treeStats(): { built: number; kept: number } {
    return { built: this.roads.trees.built, kept: this.roads.trees.size };
  }

  /**
   * Ranking so far (for benchmarks and tests): exact road queries made, units gliding directly
   * snapped for a road bound, and of those the ones the new bound sent back behind others.
   */
  readonly rankStats = { roadQueries: 0, glidesBounded: 0, glidesDeferred: 0 };

  place(lon: number, lat: number): Place {
    const snap = this.snapper(lon, lat);
    return { lon, lat, edge: snap.edge, offsetM: snap.offsetM, accessM: snap.distanceM };
  }

  timesTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean): Float64Array {
    const roads = this.roads;
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    const to = roadPosition(this.graph, d);
    const into = roads.entries(to);
    const out = new Float64Array(origins.length);
    const pending: number[] = [];
    const froms: RoadPos[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const o = this.onRoad(origins[i]!);
      const from = roadPosition(this.graph, o);
      froms[i] = from;
      const tree = roads.tree(from);
      if (tree) out[i] = this.quicker(this.total(roads.viaTree(tree, from, to, into), o, d, scale), o, d, scale);
      else pending.push(i);
    }
    const sweepAll = pending.length > SWEEP_THRESHOLD;
    if (sweepAll) roads.sweepTo(into);
    else if (pending.length > 0) roads.tableTo(into);
    for (const i of pending) {
      const from = froms[i]!;
      const out1 = roads.exits(from);
      const ms = sweepAll ? roads.viaSweep(out1) : roads.toTable(out1);
      const o = this.onRoad(origins[i]!);
      out[i] = this.quicker(this.total(roads.withSameRoad(ms, from, to), o, d, scale), o, d, scale);
    }
    return out;
  }

  timesFrom(origin: Place, dests: readonly Place[], departS: number, blueLight: boolean): Float64Array {
    const roads = this.roads;
    const scale = this.scaleAt(departS, blueLight);
    const o = this.onRoad(origin);
    const from = roadPosition(this.graph, o);
    const out = new Float64Array(dests.length);
    let tree = roads.tree(from);
    if (!tree && dests.length > SWEEP_THRESHOLD) tree = roads.buildTree(from);
    if (!tree) roads.tableFrom(roads.exits(from));
    for (let i = 0; i < dests.length; i++) {
      const d = this.onRoad(dests[i]!);
      const to = roadPosition(this.graph, d);
      const into = roads.entries(to);
      const ms = tree ? roads.viaTree(tree, from, to, into) : roads.withSameRoad(roads.fromTable(into), from, to);
      out[i] = this.quicker(this.total(ms, o, d, scale), o, d, scale);
    }
    return out;
  }

  rankTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
    const count = Math.min(Math.max(0, Math.floor(k)), origins.length);
    if (count === 0) return [];
    const roads = this.roads;
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    const to = roadPosition(this.graph, d);
    const into = roads.entries(to);
    let tableSet = false;
    const best = new TopK(count);
    const n = origins.length;
    const scratch = this.scratch.sized(n); // reused arrays (one ranking at a time)
    // Road position of each origin (froms; undefined: a glide not yet snapped), bounds of those left for later.
    const { later, bounds, roadBounds, froms } = scratch;
    let laterCount = 0;
    // The last place timed exactly here: units at one base share its Place (6 in 10 origins).
    let timed: Place | null = null;
    let timedS = 0;
    for (let i = 0; i < n; i++) {
      const place = origins[i]!;
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
      const o = this.onRoad(place);
      const from = roadPosition(this.graph, o);
      froms[i] = from;
      const tree = roads.tree(from);
      if (tree) {
        timed = place;
        timedS = this.quicker(this.total(roads.viaTree(tree, from, to, into), o, d, scale), o, d, scale);
        best.offer(timedS, i);
        continue;
      }
      if (!(place instanceof OnRoadPlace)) {
        // A place met again and again (a base, a scene): exact at once by its kept spaces.
        if (!tableSet) {
          roads.tableTo(into);
          tableSet = true;
        }
        timed = place;
        this.rankStats.roadQueries++;
        timedS = this.quicker(this.total(roads.rankQuery(from, to, into), o, d, scale), o, d, scale);
        best.offer(timedS, i);
        continue;
      }
      later[laterCount++] = i;
    }
    // Lower bounds for the rest: the road journey's (landmarks, straight metres at the fastest
    // speed), the journey's (that or the direct time); one worse than the k-th best is dropped.
    const landmarks = laterCount > 0 && roads.trees.size > 0;
    if (landmarks) roads.landmarks.prepare(roads.trees, to, into);
    let kept = 0;
    for (let at = 0; at < laterCount; at++) {
      const i = later[at]!;
      const place = origins[i]!;
      const from = froms[i];
      const o = from ? this.onRoad(place) : place;
      const straightM = straightAtLeastM(this.graph, o, d.lon, d.lat);
      const road = from ? this.roadBoundS(o, from, d, straightM, scale, best, landmarks) : this.roadAtLeastS(straightM, (place as GlidePlace).accessAtLeastM, d, scale);
      const direct = straightM * this.accessSPerM * scale;
      const bound = direct < road ? direct : road;
      bounds[i] = bound;
      roadBounds[i] = road;
      if (!(best.full && bound > best.worstTime)) later[kept++] = i;
    }
    laterCount = kept;
    scratch.sortByBound(laterCount);
    for (let at = 0; at < laterCount; at++) {
      const i = later[at]!;
      // Strictly worse than the k-th best even at its lower bound: so are all that follow.
      if (best.full && bounds[i]! > best.worstTime) break;
      const place = origins[i]!;
      const direct = this.directS(place, d, scale);
      if (!froms[i] && !(direct <= roadBounds[i]! || (best.full && roadBounds[i]! > best.worstTime))) {
        // A unit gliding directly whose road journey could count: snapped now, it gets a road
        // bound as tight as a unit on the roads'; when that puts it behind the next, it waits.
        this.rankStats.glidesBounded++;
        const o = this.onRoad(place);
        const from = roadPosition(this.graph, o);
        froms[i] = from;
        const straightM = greatCircleM(o.lon, o.lat, d.lon, d.lat);
        const road = Math.max(roadBounds[i]!, this.roadBoundS(o, from, d, straightM, scale, best, landmarks));
        roadBounds[i] = road;
        bounds[i] = direct < road ? direct : road;
        let slot = at;
        while (slot + 1 < laterCount && (bounds[later[slot + 1]!]! < bounds[i]! || (bounds[later[slot + 1]!]! === bounds[i]! && later[slot + 1]! < i))) {
          later[slot] = later[slot + 1]!;
          slot++;
        }
        if (slot > at) {
          // Moved back: the one now at `at` comes next.
          this.rankStats.glidesDeferred++;
          later[slot] = i;
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
      const o = this.onRoad(place);
      const from = froms[i] ?? roadPosition(this.graph, o);
      const tree = roads.tree(from);
      let ms: number;
      if (tree) {
        ms = roads.viaTree(tree, from, to, into);
      } else {
        if (!tableSet) {
          roads.tableTo(into);
          tableSet = true;
        }
        this.rankStats.roadQueries++;
        ms = roads.rankQuery(from, to, into);
      }
      best.offer(this.quicker(this.total(ms, o, d, scale), o, d, scale), i);
    }
    return best.result();
  }

  /**
   * A lower bound on the seconds of the road journey from `o` (at road position `from`, at least
   * `straightM` straight metres from `d`) to `d`: the landmarks' bound when there are trees
   * (`landmarks`, prepared for `d`), and the straight metres between the road positions at the
   * fastest road speed, the larger (the second skipped when the first already rules `o` out).
   */
  private roadBoundS(o: Place, from: RoadPos, d: Place, straightM: number, scale: number, best: TopK, landmarks: boolean): number {
    let road = 0;
    if (landmarks) {
      // Road ms beyond which this origin is out anyway (its access legs and the scale taken off).
      const enough = best.full ? (best.worstTime / scale - this.accessS(o) - this.accessS(d)) * 1000 : Infinity;
      road = this.total(this.roads.landmarks.bound(this.roads.trees, from, enough), o, d, scale);
    }
    if (!(best.full && road > best.worstTime)) {
      const straight = Math.max(0, straightM - o.accessM - d.accessM);
      road = Math.max(road, this.total(straight * this.msPerMLowerBound, o, d, scale));
    }
    return road;
  }

  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip {
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    // A unit gliding directly goes on directly, unsnapped, when no road journey could be quicker.
    if (origin instanceof GlidePlace && !origin.snapped) {
      const direct = this.directS(origin, d, scale);
      if (direct <= this.roadAtLeastS(greatCircleM(origin.lon, origin.lat, d.lon, d.lat), origin.accessAtLeastM, d, scale)) return this.directTrip(origin, d, direct);
    }
    const o = this.onRoad(origin);
    const direct = this.directS(o, d, scale);
    // The road journey takes at least its two access legs: when the direct one is quicker than
    // those alone, no road query is needed.
    if (direct < this.total(0, o, d, scale)) return this.directTrip(o, d, direct);
    const from = roadPosition(this.graph, o);
    const to = roadPosition(this.graph, d);
    const known = this.ways.get(o, d);
    const way: RoadWay = known ?? { ms: this.roads.ms(from, to), route: undefined };
    // A unit on the move is somewhere new every time: its ways are not worth keeping.
    if (!known && !(o instanceof OnRoadPlace || o instanceof GlidePlace)) this.ways.set(o, d, way);
    const roadS = this.total(way.ms, o, d, scale);
    if (direct < roadS) return this.directTrip(o, d, direct);
    const timing: TripTiming = {
      origin: o,
      dest: d,
      accessOriginS: this.accessS(o),
      accessDestS: this.accessS(d),
      scale,
      durationS: roadS,
      detourFactor: this.settings.detourFactor,
    };
    const roads = this.roads;
    return new RoadTrip(this.graph, roadS, (this.accessS(o) + this.accessS(d)) * scale, timing, () => (way.route ??= roads.route(from, to, way.ms)));
  }

  private directTrip(o: Place, d: Place, durationS: number): DirectTrip {
    const straightM = greatCircleM(o.lon, o.lat, d.lon, d.lat);
    return new DirectTrip(o, d, durationS, straightM, this.settings.detourFactor, this.snapPlace);
  }

  /** Seconds of the access leg between a place and its road position, at base speed. */
  accessS(place: Place): number {
    return place.accessM * this.accessSPerM;
  }

  /** Travel-time multiplier for a departure at `departS`. */
  scaleAt(departS: number, blueLight: boolean): number {
    const hour = this.clock(departS);
    if (!(Number.isInteger(hour) && hour >= 0 && hour < 24)) {
      throw new Error(`road travel: the clock gave hour ${hour} for t=${departS} s (expected a whole hour 0..23)`);
    }
    const factor = this.congestion[hour]!;
    return blueLight ? factor / this.blueLightFactor : factor;
  }

  /** The one formula for a road journey's seconds: every query uses it, so they agree exactly. */
  private total(roadMs: number, o: Place, d: Place, scale: number): number {
    if (roadMs === Infinity) return Infinity;
    return (roadMs / 1000 + (this.accessS(o) + this.accessS(d))) * scale;
  }

  /**
   * Seconds of the direct journey from `o` to `d` (direct.ts): straight metres x detour factor at
   * the off-road speed, times the departure's scale. The one formula, as `total` is for roads.
   */
  directS(o: Place, d: Place, scale: number): number {
    return greatCircleM(o.lon, o.lat, d.lon, d.lat) * this.accessSPerM * scale;
  }

  /**
   * A lower bound on the seconds of the road journey from a place `straightM` straight metres (at
   * least) from `d` whose access leg is at least `accessM` metres long, without its road position:
   * its access legs, and the rest at the fastest road speed (when off-road is the slower, more
   * access metres can only cost more, so the least is the bound).
   */
  private roadAtLeastS(straightM: number, accessM: number, d: Place, scale: number): number {
    const legsS = accessM * this.accessSPerM + this.accessS(d);
    const roadM = this.offRoadSlowest ? Math.max(0, straightM - accessM - d.accessM) : 0;
    return (roadM * this.msPerMLowerBound / 1000 + legsS) * scale * (1 - 1e-12);
  }

  /** A journey's seconds: the road journey's (`roadS`) or the direct one's, the lesser. */
  private quicker(roadS: number, o: Place, d: Place, scale: number): number {
    const direct = this.directS(o, d, scale);
    return direct < roadS ? direct : roadS;
  }

  /** A place snapped to the roads (places made by a straight-line model have edge -1). */
  private onRoad(place: Place): Place {
    return place.edge >= 0 ? place : this.place(place.lon, place.lat);
  }
}
