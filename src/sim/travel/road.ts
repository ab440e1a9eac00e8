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
 * - `rankTo` times the places with a tree (the bases met most often) exactly at once; the trees'
 *   origins serve as landmarks for lower bounds on the other bases and on units on the move
 *   (roads/query/landmarks.ts; straight metres at the fastest speed; the direct time), which rule
 *   most of them out unqueried; the rest are taken in order of their bounds until none can enter
 *   the top k (a unit gliding directly is
 *   snapped when its turn comes, bounded again and, if now behind the next, waits its turn; a
 *   unit on the road part of a trip is bounded from its trip and placed only when its turn
 *   comes, likewise): road-rank.ts.
 *   Every method gives the same integer road ms and direct seconds, so `rankTo`, `timesTo`,
 *   `timesFrom` and `trip` agree exactly and the caches never change a result.
 * - A trip knows its time at once; its route is found only when first needed (where the unit is,
 *   or the way drawn: most trips to a scene never need it) and kept compact (roads/query/route.ts). Road
 *   ms and routes between places met before (bases, demand points: the same Place objects) are kept.
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import { greatCircleM } from '../geo';
import type { Hierarchy } from '../roads/hierarchy';
import { DirectTrip, GlidePlace } from './direct';
import { roadPosition, type RoadPos } from '../roads/query/ends';
import type { RoadGraph } from '../roads/graph';
import { checkCongestion, pickHierarchy, positive, type HourOfDay, type RoadTravelOptions, type RoadTravelSettings, type Snap } from './road-metric';
export type { HourOfDay, RoadTravelOptions, RoadTravelSettings, Snap } from './road-metric';
import { RoadQueries } from '../roads/query/road-queries';
import { WayCache } from './way-cache';
import { speedTable } from '../roads/speeds';
import { RankScratch } from './top-k';
import { OnRoadPlace, ownPlace, RoadTrip, TripPlace, type TripTiming } from './road-trip';
import { RoadPoints } from './road-points';
import { rankOnRoads, type RankStats } from './road-rank';
import { edgeWeightsMs, maxEdgeSpeedKph } from '../roads/weights';

/** Beyond this many origins or destinations without a tree, one sweep over all nodes is cheaper. */
const SWEEP_THRESHOLD = 64;
/** Ways kept between pairs of places (about 100 bytes each with a route, way-cache.ts). */
const ROUTE_CACHE_ENTRIES = 200_000;

export class RoadTravelModel implements TravelModel {
  readonly mode = 'road' as const;
  /** Base-speed milliseconds per edge. */
  readonly weights: Uint32Array;
  readonly hierarchy: Hierarchy;
  /** Exact road milliseconds between road positions, with their caches. */
  readonly roads: RoadQueries;
  private readonly congestion: Float64Array;
  private readonly blueLightFactor: number;
  /** Seconds per straight metre off the roads (access legs, direct journeys), before the scale. */
  readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre (1 / the fastest edge speed). */
  readonly msPerMLowerBound: number;
  /** Whether off-road travel is no faster than the fastest road (then longer access legs never save time). */
  private readonly offRoadSlowest: boolean;
  /** Road ways between places met before (bases and demand points recur; way-cache.ts). */
  private readonly ways = new WayCache(ROUTE_CACHE_ENTRIES);
  readonly scratch = new RankScratch();
  /** Where places met again and again meet the roads (road-trip.ts). */
  private readonly points: RoadPoints;
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
    this.points = new RoadPoints(graph);
  }

  /** Trees built so far and kept now (for benchmarks). */
  get treeStats(): { built: number; kept: number } {
    return { built: this.roads.trees.built, kept: this.roads.trees.size };
  }

  /** Ranking so far (for benchmarks and tests: road-rank.ts RankStats). */
  readonly rankStats: RankStats = { roadQueries: 0, glidesBounded: 0, glidesDeferred: 0, movingBounded: 0, movingPlaced: 0 };

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
    if (!tree) {
      // The same destinations again and again (custody suites): by their buckets.
      const ds = dests.map((p) => this.onRoad(p));
      const tos = ds.map((p) => roadPosition(this.graph, p));
      const best = roads.toTargets(roads.exits(from), tos, (t) => roads.entries(tos[t]!));
      if (best) {
        for (let i = 0; i < dests.length; i++) out[i] = this.quicker(this.total(roads.withSameRoad(best[i]!, from, tos[i]!), o, ds[i]!, scale), o, ds[i]!, scale);
        return out;
      }
      roads.tableFrom(roads.exits(from));
    }
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
    return rankOnRoads(this, origins, dest, departS, blueLight, k);
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
    const ways = this.ways;
    let slot = ways.find(o, d);
    let ms: number;
    // Where the spaces met, when `ms` merged them (kept with the pair): the route, if ever found, merges none.
    let met: number;
    if (slot >= 0) {
      ms = ways.ms(slot);
      met = ways.met(slot);
    } else {
      ms = this.roads.ms(from, to);
      met = this.roads.lastMeeting;
      // A unit on the move is somewhere new every time: its ways are not worth keeping.
      if (!(o instanceof OnRoadPlace || o instanceof GlidePlace || origin instanceof TripPlace)) slot = ways.add(o, d, ms, met);
    }
    const roadS = this.total(ms, o, d, scale);
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
    const gen = ways.generation;
    return new RoadTrip(this.graph, this.points, roadS, (this.accessS(o) + this.accessS(d)) * scale, timing, ms, () => {
      const kept = ways.routeAt(slot, gen);
      if (kept) return kept;
      const route = roads.route(from, to, ms, met);
      ways.keepRoute(slot, gen, route);
      return route;
    });
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
  total(roadMs: number, o: Place, d: Place, scale: number): number {
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
  roadAtLeastS(straightM: number, accessM: number, d: Place, scale: number): number {
    const legsS = accessM * this.accessSPerM + this.accessS(d);
    const roadM = this.offRoadSlowest ? Math.max(0, straightM - accessM - d.accessM) : 0;
    return (roadM * this.msPerMLowerBound / 1000 + legsS) * scale * (1 - 1e-12);
  }

  /** A journey's seconds: the road journey's (`roadS`) or the direct one's, the lesser. */
  quicker(roadS: number, o: Place, d: Place, scale: number): number {
    const direct = this.directS(o, d, scale);
    return direct < roadS ? direct : roadS;
  }

  /**
   * A place snapped to the roads (places made by a straight-line model have edge -1); for a unit
   * on the move (road-trip.ts TripPlace), the place it stands for.
   */
  onRoad(place: Place): Place {
    const own = ownPlace(place);
    return own.edge >= 0 ? own : this.place(own.lon, own.lat);
  }
}
