/**
 * The road TravelModel (world.ts): travel times and trips over the road graph.
 *
 * - Route weights are whole milliseconds at base speed (weights.ts); a journey departing at
 *   `departS` takes (road ms / 1000 + access seconds) x congestionByHour[hour] / blueLightFactor
 *   (blue lights only when asked). Congestion and blue lights scale the whole journey, access
 *   legs included, as in the straight-line model; turnout is the simulator's.
 * - A place off the roads reaches its snapped road position by an access leg: straight metres x
 *   `detourFactor` at `offRoadSpeedKph`, at each end of every road journey. A journey is the
 *   quicker of the road journey and the direct one (the access-leg rule for the whole way,
 *   direct.ts): near places far from the modelled roads are joined directly.
 * - Queries run on a contraction hierarchy: the graph's own when its speeds are the scenario's,
 *   else one made earlier (in this process, or kept by the host's `graph.hierarchyStore`), else
 *   one contracted here, which takes seconds on a city and is then handed to the store.
 * - A pair's time is the best meeting of the upward search spaces of the origin's ways out and
 *   the destination's ways in (ch/space.ts); spaces are cached per node, so the bases, demand
 *   points and the roads units move along are searched once. One end of a query (the
 *   destination of a ranking) is spread into a table by rank (ch/meet-table.ts), so each other
 *   place costs one pass over its own spaces.
 * - Origins needed again and again (units waiting at a base) get a one-to-all tree (trees.ts),
 *   a table lookup. `rankTo` takes those first; the trees' origins then serve as landmarks for
 *   lower bounds on the others (landmarks.ts, with straight metres at the fastest speed), each
 *   bound the lesser of the road bound and the direct time (exact and cheap, or for a unit on
 *   the move a bound from its edge's ends), which rule most of them out unqueried; the rest are
 *   taken in order of their bounds until none can enter the top k. Every method gives the same
 *   integer road milliseconds and the same direct seconds, so `rankTo`, `timesTo`, `timesFrom` and
 *   `trip` agree exactly and the caches never change a result.
 * - A trip keeps its route compact (route.ts): where the traveller is at an instant is found by
 *   walking down one shortcut; the whole way is unpacked only to be drawn. Routes between places
 *   met before (bases, demand points: the same Place objects) are kept (RouteCache).
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import type { Hierarchy } from './ch/hierarchy';
import { MeetTable } from './ch/meet-table';
import { HierarchyQuery, UNREACHABLE } from './ch/query';
import { meet, spaceArcs, SpaceCache, SpaceSearch, type SearchSpace } from './ch/space';
import { DirectTrip, GlidePlace, straightAtLeastM } from './direct';
import { entries, exits, positionKey, roadPosition, sameRoad, type RoadEnd, type RoadPos } from './ends';
import { greatCircleM } from '../geo';
import type { RoadGraph } from './graph';
import { LandmarkBounds } from './landmarks';
import { checkCongestion, pickHierarchy, positive } from './metric';
import { CompactRoute, packArcs, RouteCache } from './route';
import { speedTable } from './speeds';
import { TopK } from './top-k';
import { TreeCache, type TreeRef } from './trees';
import { OnRoadPlace, RoadTrip, type EdgePiece, type TripPlan } from './trip';
import { edgeWeightsMs, maxEdgeSpeedKph } from './weights';

/** The scenario's `travel` fields this model reads (MODEL.md names and units). */
export interface RoadTravelSettings {
  /** km/h per road class, overriding the London defaults of speeds.ts. */
  readonly roadSpeedsKph?: Readonly<Record<string, number>>;
  /** 24 travel-time multipliers by local hour of departure (default: all 1). */
  readonly congestionByHour?: readonly number[];
  /** Blue-light journeys take time / this (default 1). */
  readonly blueLightFactor?: number;
  /** Access legs and direct journeys: straight metres x this. */
  readonly detourFactor: number;
  /** Access legs and direct journeys: at this speed, km/h. */
  readonly offRoadSpeedKph: number;
}

/** Local hour of day (0..23) at a simulated time (seconds since the scenario start). */
export type HourOfDay = (simS: number) => number;

/** The nearest road position of a point: directed edge, metres along it, straight metres away. */
export interface Snap {
  readonly edge: number;
  readonly offsetM: number;
  readonly distanceM: number;
}

export interface RoadTravelOptions {
  /** A hierarchy for this metric (else the graph's own if it matches, else one is contracted). */
  readonly hierarchy?: Hierarchy;
  /** One-to-all trees kept for repeated origins (4 bytes per node each; default 64). */
  readonly maxTrees?: number;
  /** Exact evaluations of an origin before it gets a tree (default 16). */
  readonly treeAfter?: number;
  /** Called while a hierarchy is being contracted here. */
  readonly onContract?: (done: number, total: number) => void;
}

/** Beyond this many origins or destinations without a tree, one sweep over all nodes is cheaper. */
const SWEEP_THRESHOLD = 64;
/**
 * Search-space entries per cache generation and direction (21 bytes each; two generations, so at
 * most about 340 MB in all). A London week touches about 2M entries each way: at 1M per generation
 * spaces still needed were dropped and searched again (a third of all searches).
 */
const SPACE_CACHE_ENTRIES = 4_000_000;
/** Routes kept between pairs of places (a few hundred bytes each). */
const ROUTE_CACHE_ENTRIES = 200_000;

export class RoadTravelModel implements TravelModel {
  readonly mode = 'road' as const;
  /** Base-speed milliseconds per edge. */
  readonly weights: Uint32Array;
  readonly hierarchy: Hierarchy;
  private readonly query: HierarchyQuery;
  private readonly spaces: SpaceSearch;
  private readonly outSpaces: SpaceCache;
  private readonly inSpaces: SpaceCache;
  private readonly trees: TreeCache;
  private readonly congestion: Float64Array;
  private readonly blueLightFactor: number;
  /** Seconds per straight metre off the roads (access legs, direct journeys), before the scale. */
  private readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre (1 / the fastest edge speed). */
  private readonly msPerMLowerBound: number;
  /** Whether off-road travel is no faster than the fastest road (then longer access legs never save time). */
  private readonly offRoadSlowest: boolean;
  private readonly sweep: Uint32Array;
  /** One end of the query in hand (a destination, or an origin for timesFrom), by rank. */
  private readonly table: MeetTable;
  private readonly landmarkBounds: LandmarkBounds;
  /** Routes between places met before (bases and demand points recur; see RouteCache). */
  private readonly routes = new RouteCache<{ ms: number; route: CompactRoute | null }>(ROUTE_CACHE_ENTRIES);
  /** The hierarchy's arcs packed for walking down shortcuts (route.ts). */
  private readonly arcs4: Float64Array;
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
    this.query = new HierarchyQuery(this.hierarchy);
    this.spaces = new SpaceSearch(this.hierarchy);
    this.outSpaces = new SpaceCache(SPACE_CACHE_ENTRIES, graph.nodeCount);
    this.inSpaces = new SpaceCache(SPACE_CACHE_ENTRIES, graph.nodeCount);
    this.trees = new TreeCache(this.query, { capacity: options.maxTrees ?? 64, buildAfter: options.treeAfter ?? 16 });
    this.sweep = new Uint32Array(graph.nodeCount);
    this.table = new MeetTable(this.hierarchy.rank.length);
    this.landmarkBounds = new LandmarkBounds(graph, this.weights, this.hierarchy);
    this.arcs4 = packArcs(this.hierarchy, this.weights);
  }

  /** Trees built so far and kept now (for benchmarks). */
  get treeStats(): { built: number; kept: number } {
    return { built: this.trees.built, kept: this.trees.size };
  }

  place(lon: number, lat: number): Place {
    const snap = this.snapper(lon, lat);
    return { lon, lat, edge: snap.edge, offsetM: snap.offsetM, accessM: snap.distanceM };
  }

  timesTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean): Float64Array {
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    const to = roadPosition(this.graph, d);
    const into = entries(this.graph, this.weights, to);
    const out = new Float64Array(origins.length);
    const pending: number[] = [];
    const froms: RoadPos[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const o = this.onRoad(origins[i]!);
      const from = roadPosition(this.graph, o);
      froms[i] = from;
      const tree = this.trees.get(positionKey(from));
      if (tree) out[i] = this.quicker(this.total(this.viaTree(tree, from, to, into), o, d, scale), o, d, scale);
      else pending.push(i);
    }
    const sweepAll = pending.length > SWEEP_THRESHOLD;
    if (sweepAll) this.query.allToOne(into, this.sweep);
    else if (pending.length > 0) this.table.set(this.backwardSpaces(into), into.costs);
    for (const i of pending) {
      const from = froms[i]!;
      const out1 = exits(this.graph, this.weights, from);
      const ms = sweepAll ? viaSweep(this.hierarchy, this.sweep, out1) : this.toTable(out1);
      const o = this.onRoad(origins[i]!);
      out[i] = this.quicker(this.total(this.withSameRoad(ms, from, to), o, d, scale), o, d, scale);
    }
    return out;
  }

  timesFrom(origin: Place, dests: readonly Place[], departS: number, blueLight: boolean): Float64Array {
    const scale = this.scaleAt(departS, blueLight);
    const o = this.onRoad(origin);
    const from = roadPosition(this.graph, o);
    const out = new Float64Array(dests.length);
    const key = positionKey(from);
    let tree = this.trees.get(key);
    if (!tree && dests.length > SWEEP_THRESHOLD) tree = this.trees.build(key, exits(this.graph, this.weights, from), from);
    if (!tree) {
      const out1 = exits(this.graph, this.weights, from);
      this.table.set(this.forwardSpaces(out1), out1.costs);
    }
    for (let i = 0; i < dests.length; i++) {
      const d = this.onRoad(dests[i]!);
      const to = roadPosition(this.graph, d);
      const into = entries(this.graph, this.weights, to);
      const ms = tree ? this.viaTree(tree, from, to, into) : this.withSameRoad(this.fromTable(into), from, to);
      out[i] = this.quicker(this.total(ms, o, d, scale), o, d, scale);
    }
    return out;
  }

  rankTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
    const count = Math.min(Math.max(0, Math.floor(k)), origins.length);
    if (count === 0) return [];
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    const to = roadPosition(this.graph, d);
    const into = entries(this.graph, this.weights, to);
    let tableSet = false;
    const best = new TopK(count);
    const later: number[] = [];
    /** Per origin left for later: a lower bound on its time, and one on its road journey's. */
    const bounds: number[] = [];
    const roadBounds: number[] = [];
    /** Road position of each origin; undefined for a place on a direct glide not yet snapped. */
    const froms: (RoadPos | undefined)[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const place = origins[i]!;
      // A unit gliding directly is snapped only if its road journey could count (see below).
      if (place instanceof GlidePlace && !place.snapped) {
        later.push(i);
        continue;
      }
      const o = this.onRoad(place);
      const from = roadPosition(this.graph, o);
      froms[i] = from;
      const tree = this.trees.get(positionKey(from));
      if (tree) {
        best.offer(this.quicker(this.total(this.viaTree(tree, from, to, into), o, d, scale), o, d, scale), i);
        continue;
      }
      later.push(i);
    }
    // Lower bounds for the rest. The road journey's: landmarks (close to the truth, see
    // landmarks.ts), then straight metres at the fastest speed (no road route can be quicker), the
    // larger. The journey's: the lesser of that and the direct time (or a bound on it for a unit
    // on the move). One already worse than the k-th best of the trees' units is dropped at once.
    const landmarks = later.length > 0 && this.trees.size > 0;
    if (landmarks) this.landmarkBounds.prepare(this.trees, to, into);
    let kept = 0;
    for (const i of later) {
      const place = origins[i]!;
      const from = froms[i];
      const o = from ? this.onRoad(place) : place;
      const straightM = straightAtLeastM(this.graph, o, d.lon, d.lat);
      let road: number;
      if (!from) {
        road = this.roadAtLeastS(straightM, (place as GlidePlace).accessAtLeastM, d, scale);
      } else {
        road = 0;
        if (landmarks) {
          // Road ms beyond which this origin is out anyway (its access legs and the scale taken off).
          const enough = best.full ? (best.worstTime / scale - this.accessS(o) - this.accessS(d)) * 1000 : Infinity;
          road = this.total(this.landmarkBounds.bound(this.trees, from, enough), o, d, scale);
        }
        if (!(best.full && road > best.worstTime)) {
          const straight = Math.max(0, straightM - o.accessM - d.accessM);
          road = Math.max(road, this.total(straight * this.msPerMLowerBound, o, d, scale));
        }
      }
      const direct = straightM * this.accessSPerM * scale;
      const bound = direct < road ? direct : road;
      bounds[i] = bound;
      roadBounds[i] = road;
      if (!(best.full && bound > best.worstTime)) later[kept++] = i;
    }
    later.length = kept;
    later.sort((a, b) => bounds[a]! - bounds[b]! || a - b);
    for (const i of later) {
      // Strictly worse than the k-th best even at its lower bound: so are all that follow.
      if (best.full && bounds[i]! > best.worstTime) break;
      const place = origins[i]!;
      const direct = this.directS(place, d, scale);
      // No road journey can beat the direct one, or none could enter the top k: no road query.
      if (direct <= roadBounds[i]! || (best.full && roadBounds[i]! > best.worstTime)) {
        best.offer(direct, i);
        continue;
      }
      const o = this.onRoad(place);
      const from = froms[i] ?? roadPosition(this.graph, o);
      const key = positionKey(from);
      const tree = this.trees.get(key) ?? this.trees.noteUse(key, () => exits(this.graph, this.weights, from), from);
      let ms: number;
      if (tree) {
        ms = this.viaTree(tree, from, to, into);
      } else {
        if (!tableSet) {
          this.table.set(this.backwardSpaces(into), into.costs);
          tableSet = true;
        }
        ms = this.withSameRoad(this.toTable(exits(this.graph, this.weights, from)), from, to);
      }
      best.offer(this.quicker(this.total(ms, o, d, scale), o, d, scale), i);
    }
    return best.result();
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
    // those alone, no route is needed.
    if (direct < this.total(0, o, d, scale)) return this.directTrip(o, d, direct);
    const known = this.routes.get(o, d);
    const road = known ?? this.route(o, d);
    // A unit on the move is somewhere new every time: its routes are not worth keeping.
    if (!known && !(o instanceof OnRoadPlace || o instanceof GlidePlace)) this.routes.set(o, d, road);
    const roadS = this.total(road.ms, o, d, scale);
    if (direct < roadS) return this.directTrip(o, d, direct);
    const plan: TripPlan = {
      origin: o,
      dest: d,
      route: road.route!,
      accessOriginS: this.accessS(o),
      accessDestS: this.accessS(d),
      scale,
      durationS: roadS,
      detourFactor: this.settings.detourFactor,
    };
    return new RoadTrip(this.graph, roadS, (this.accessS(o) + this.accessS(d)) * scale, plan);
  }

  private directTrip(o: Place, d: Place, durationS: number): DirectTrip {
    const straightM = greatCircleM(o.lon, o.lat, d.lon, d.lat);
    return new DirectTrip(o, d, durationS, straightM, this.settings.detourFactor, this.snapPlace);
  }

  /** The shortest way between two places on the roads (whatever the hour: only its time scales). */
  private route(o: Place, d: Place): { ms: number; route: CompactRoute | null } {
    const from = roadPosition(this.graph, o);
    const to = roadPosition(this.graph, d);
    const out = exits(this.graph, this.weights, from);
    const into = entries(this.graph, this.weights, to);
    const forward = this.forwardSpaces(out);
    const backward = this.backwardSpaces(into);
    // The best way out (i), way in (j) and the meeting entries of their node spaces.
    let road = Infinity;
    let bi = -1;
    let bj = -1;
    let meeting = { distance: Infinity, f: -1, b: -1 };
    for (let i = 0; i < out.nodes.length; i++) {
      for (let j = 0; j < into.nodes.length; j++) {
        const m = meet(forward[i]!, backward[j]!);
        const total = out.costs[i]! + m.distance + into.costs[j]!;
        if (total < road) [road, bi, bj, meeting] = [total, i, j, m];
      }
    }
    const direct = sameRoad(this.graph, this.weights, from, to);
    const useDirect = direct !== null && direct.ms <= road;
    const ms = useDirect ? direct.ms : road;
    if (ms === Infinity) return { ms, route: null };
    const graph = this.graph;
    let route: CompactRoute;
    if (useDirect) {
      route = this.compactRoute({ edge: direct.edge, fromM: along(graph, direct.edge, from.posM), toM: along(graph, direct.edge, to.posM), ms }, NO_ARCS, null);
    } else {
      const exit = out.edges[bi]!;
      const entry = into.edges[bj]!;
      route = this.compactRoute(
        { edge: exit, fromM: along(graph, exit, from.posM), toM: graph.edgeLengthM[exit]!, ms: out.costs[bi]! },
        spaceArcs(forward[bi]!, meeting.f, backward[bj]!, meeting.b),
        { edge: entry, fromM: 0, toM: along(graph, entry, to.posM), ms: into.costs[bj]! },
      );
      if (route.totalMs !== ms) throw new Error(`road trip: the route weighs ${route.totalMs} ms, the query said ${ms} ms`);
    }
    return { ms, route };
  }

  private compactRoute(first: EdgePiece, arcs: Int32Array, last: EdgePiece | null): CompactRoute {
    return new CompactRoute(this.arcs4, this.weights, this.graph.edgeLengthM, first, arcs, last);
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

  /**
   * Search spaces are kept per node (a way out or in of a place), not per place: every place on
   * a road shares its road's end nodes, so a unit moving along a route finds the spaces of the
   * nodes ahead of it already made.
   */
  private forwardSpaces(out: RoadEnd): SearchSpace[] {
    const spaces: SearchSpace[] = [];
    for (const x of out.nodes) {
      let space = this.outSpaces.get(x);
      if (!space) {
        space = this.spaces.forward({ nodes: [x], costs: [0] });
        this.outSpaces.set(x, space);
      }
      spaces.push(space);
    }
    return spaces;
  }

  private backwardSpaces(into: RoadEnd): SearchSpace[] {
    const spaces: SearchSpace[] = [];
    for (const y of into.nodes) {
      let space = this.inSpaces.get(y);
      if (!space) {
        space = this.spaces.backward({ nodes: [y], costs: [0] });
        this.inSpaces.set(y, space);
      }
      spaces.push(space);
    }
    return spaces;
  }

  /** Road milliseconds through nodes from the ways out `out` to the destination whose backward spaces fill the meet table. */
  private toTable(out: RoadEnd): number {
    const spaces = this.forwardSpaces(out);
    let ms = Infinity;
    for (let i = 0; i < spaces.length; i++) {
      const total = out.costs[i]! + this.table.meet(spaces[i]!);
      if (total < ms) ms = total;
    }
    return ms;
  }

  /** Road milliseconds through nodes from the origin whose forward spaces fill the meet table to the ways in `into`. */
  private fromTable(into: RoadEnd): number {
    const spaces = this.backwardSpaces(into);
    let ms = Infinity;
    for (let i = 0; i < spaces.length; i++) {
      const total = this.table.meet(spaces[i]!) + into.costs[i]!;
      if (total < ms) ms = total;
    }
    return ms;
  }

  /** Milliseconds by the one-to-all tree of `from` (rank-indexed) into `into`, or along the shared road. */
  private viaTree(tree: TreeRef, from: RoadPos, to: RoadPos, into: RoadEnd): number {
    const { data, stride, lane } = tree;
    let ms = Infinity;
    for (let j = 0; j < into.nodes.length; j++) {
      const d = data[this.hierarchy.rank[into.nodes[j]!]! * stride + lane]!;
      if (d !== UNREACHABLE && d + into.costs[j]! < ms) ms = d + into.costs[j]!;
    }
    return this.withSameRoad(ms, from, to);
  }

  private withSameRoad(ms: number, from: RoadPos, to: RoadPos): number {
    if (from.road !== to.road) return ms;
    const direct = sameRoad(this.graph, this.weights, from, to);
    return direct && direct.ms < ms ? direct.ms : ms;
  }

  /** A place snapped to the roads (places made by a straight-line model have edge -1). */
  private onRoad(place: Place): Place {
    return place.edge >= 0 ? place : this.place(place.lon, place.lat);
  }
}

const NO_ARCS = new Int32Array(0);

/** Milliseconds from the seeds `from` to the target of an all-to-one sweep. */
function viaSweep(h: Hierarchy, sweep: Uint32Array, from: RoadEnd): number {
  let ms = Infinity;
  for (let j = 0; j < from.nodes.length; j++) {
    const d = sweep[h.rank[from.nodes[j]!]!]!;
    if (d !== UNREACHABLE && d + from.costs[j]! < ms) ms = d + from.costs[j]!;
  }
  return ms;
}

/** Metres along directed edge `e` of the road position `posM` (metres from the road's first vertex). */
function along(graph: RoadGraph, e: number, posM: number): number {
  return graph.edgeReversed[e] ? graph.edgeLengthM[e]! - posM : posM;
}
