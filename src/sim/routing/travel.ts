/**
 * The road TravelModel (world.ts): travel times and trips over the road graph.
 *
 * - Route weights are whole milliseconds at base speed (weights.ts); a journey departing at
 *   `departS` takes (road ms / 1000 + access seconds) x congestionByHour[hour] / blueLightFactor
 *   (blue lights only when asked). Congestion and blue lights scale the whole journey, access
 *   legs included, as in the straight-line model; turnout is the simulator's.
 * - A place off the roads reaches its snapped road position by an access leg: straight metres x
 *   `detourFactor` at `offRoadSpeedKph`, at each end of every journey.
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
 *   lower bounds on the others (landmarks.ts, with straight metres at the fastest speed), which
 *   rule most of them out unqueried; the rest are taken in order of their bounds until none can
 *   enter the top k. Every method gives the same integer milliseconds, so `rankTo`, `timesTo`,
 *   `timesFrom` and `trip` agree exactly and the caches never change a result.
 * - A trip keeps its route compact (route.ts): where the traveller is at an instant is found by
 *   walking down one shortcut; the whole way is unpacked only to be drawn. Routes between places
 *   met before (bases, demand points: the same Place objects) are kept (RouteCache).
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import type { Hierarchy } from './ch/hierarchy';
import { MeetTable } from './ch/meet-table';
import { HierarchyQuery, UNREACHABLE } from './ch/query';
import { meet, spaceArcs, SpaceCache, SpaceSearch, type SearchSpace } from './ch/space';
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
  /** Access legs: straight metres x this. */
  readonly detourFactor: number;
  /** Access legs: at this speed, km/h. */
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
  private readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre (1 / the fastest edge speed). */
  private readonly msPerMLowerBound: number;
  private readonly sweep: Uint32Array;
  /** One end of the query in hand (a destination, or an origin for timesFrom), by rank. */
  private readonly table: MeetTable;
  private readonly landmarkBounds: LandmarkBounds;
  /** Routes between places met before (bases and demand points recur; see RouteCache). */
  private readonly routes = new RouteCache<{ ms: number; route: CompactRoute | null }>(ROUTE_CACHE_ENTRIES);
  /** The hierarchy's arcs packed for walking down shortcuts (route.ts). */
  private readonly arcs4: Float64Array;

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
      if (tree) out[i] = this.total(this.viaTree(tree, from, to, into), o, d, scale);
      else pending.push(i);
    }
    const sweepAll = pending.length > SWEEP_THRESHOLD;
    if (sweepAll) this.query.allToOne(into, this.sweep);
    else if (pending.length > 0) this.table.set(this.backwardSpaces(into), into.costs);
    for (const i of pending) {
      const from = froms[i]!;
      const out1 = exits(this.graph, this.weights, from);
      const ms = sweepAll ? viaSweep(this.hierarchy, this.sweep, out1) : this.toTable(out1);
      out[i] = this.total(this.withSameRoad(ms, from, to), this.onRoad(origins[i]!), d, scale);
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
      out[i] = this.total(ms, o, d, scale);
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
    const bounds: number[] = [];
    const froms: RoadPos[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const o = this.onRoad(origins[i]!);
      const from = roadPosition(this.graph, o);
      froms[i] = from;
      const tree = this.trees.get(positionKey(from));
      if (tree) {
        best.offer(this.total(this.viaTree(tree, from, to, into), o, d, scale), i);
        continue;
      }
      later.push(i);
    }
    // Lower bounds for the rest: landmarks (close to the truth, see landmarks.ts), then straight
    // metres at the fastest speed (no road route can be quicker), the larger. One already worse
    // than the k-th best of the trees' units is dropped at once.
    const landmarks = later.length > 0 && this.trees.size > 0;
    if (landmarks) this.landmarkBounds.prepare(this.trees, to, into);
    let kept = 0;
    for (const i of later) {
      const o = this.onRoad(origins[i]!);
      let bound = 0;
      if (landmarks) {
        // Road ms beyond which this origin is out anyway (its access legs and the scale taken off).
        const enough = best.full ? (best.worstTime / scale - this.accessS(o) - this.accessS(d)) * 1000 : Infinity;
        bound = this.total(this.landmarkBounds.bound(this.trees, froms[i]!, enough), o, d, scale);
      }
      if (!(best.full && bound > best.worstTime)) {
        const straight = Math.max(0, greatCircleM(o.lon, o.lat, d.lon, d.lat) - o.accessM - d.accessM);
        bound = Math.max(bound, this.total(straight * this.msPerMLowerBound, o, d, scale));
      }
      bounds[i] = bound;
      if (!(best.full && bound > best.worstTime)) later[kept++] = i;
    }
    later.length = kept;
    later.sort((a, b) => bounds[a]! - bounds[b]! || a - b);
    for (const i of later) {
      // Strictly worse than the k-th best even at its lower bound: so are all that follow.
      if (best.full && bounds[i]! > best.worstTime) break;
      const from = froms[i]!;
      const tree = this.trees.noteUse(positionKey(from), () => exits(this.graph, this.weights, from), from);
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
      best.offer(this.total(ms, this.onRoad(origins[i]!), d, scale), i);
    }
    return best.result();
  }

  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip {
    const scale = this.scaleAt(departS, blueLight);
    const o = this.onRoad(origin);
    const d = this.onRoad(dest);
    const known = this.routes.get(o, d);
    const road = known ?? this.route(o, d);
    // A unit on the move is somewhere new every time: its routes are not worth keeping.
    if (!known && !(o instanceof OnRoadPlace)) this.routes.set(o, d, road);
    if (road.ms === Infinity) return unreachableTrip(o);
    const durationS = this.total(road.ms, o, d, scale);
    const plan: TripPlan = {
      origin: o,
      dest: d,
      route: road.route!,
      accessOriginS: this.accessS(o),
      accessDestS: this.accessS(d),
      scale,
      durationS,
      detourFactor: this.settings.detourFactor,
    };
    return new RoadTrip(this.graph, durationS, (this.accessS(o) + this.accessS(d)) * scale, plan);
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

  /** The one formula for a journey's seconds: every query uses it, so they agree exactly. */
  private total(roadMs: number, o: Place, d: Place, scale: number): number {
    if (roadMs === Infinity) return Infinity;
    return (roadMs / 1000 + (this.accessS(o) + this.accessS(d))) * scale;
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

function unreachableTrip(o: Place): Trip {
  return {
    durationS: Infinity,
    accessS: 0,
    distanceM: Infinity,
    placeAt: () => o,
    geometry: () => ({ coords: Float64Array.of(o.lon, o.lat), timesS: Float64Array.of(0) }),
  };
}
