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
 *   one contracted here, which takes seconds on a city and is then handed to the store. Origins that are
 *   queried again and again get a one-to-all tree (trees.ts); `rankTo` evaluates those by table
 *   lookup and the others in order of a straight-line lower bound, stopping as soon as no
 *   remaining origin can enter the top k. Every path gives the same integer milliseconds, so
 *   `rankTo`, `timesTo`, `timesFrom` and `trip` agree exactly.
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import { contract } from './ch/contract';
import type { Hierarchy } from './ch/hierarchy';
import { HierarchyQuery, UNREACHABLE } from './ch/query';
import { entries, exits, sameRoad, type RoadEnd } from './ends';
import { haversineM } from './geo';
import type { RoadGraph } from './graph';
import { speedTable } from './speeds';
import { TreeCache } from './trees';
import { RoadTrip, type EdgePiece } from './trip';
import { edgeWeightsMs, maxEdgeSpeedKph, metricKey, sameWeights } from './weights';

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
  /** One-to-all trees kept for repeated origins (4 bytes per node each; default 128). */
  readonly maxTrees?: number;
  /** Exact evaluations of an origin before it gets a tree (default 3). */
  readonly treeAfter?: number;
  /** Called while a hierarchy is being contracted here. */
  readonly onContract?: (done: number, total: number) => void;
}

/** Beyond this many origins without a tree, `timesTo` sweeps all nodes once instead. */
const SWEEP_THRESHOLD = 64;

export class RoadTravelModel implements TravelModel {
  readonly mode = 'road' as const;
  /** Base-speed milliseconds per edge. */
  readonly weights: Uint32Array;
  readonly hierarchy: Hierarchy;
  private readonly query: HierarchyQuery;
  private readonly trees: TreeCache;
  private readonly congestion: Float64Array;
  private readonly blueLightFactor: number;
  private readonly accessSPerM: number;
  /** Lower bound of road ms per straight metre (1 / the fastest edge speed). */
  private readonly msPerMLowerBound: number;
  private readonly sweep: Uint32Array;

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
    this.trees = new TreeCache(this.query, { capacity: options.maxTrees ?? 128, buildAfter: options.treeAfter ?? 3 });
    this.sweep = new Uint32Array(graph.nodeCount);
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
    const into = entries(this.graph, this.weights, d);
    const out = new Float64Array(origins.length);
    const pending: number[] = [];
    const ends: RoadEnd[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const o = this.onRoad(origins[i]!);
      const from = exits(this.graph, this.weights, o);
      ends[i] = from;
      const tree = this.trees.get(key(from));
      if (tree) out[i] = this.total(fromTree(this.hierarchy, tree, from, into, this.weights, this.graph), o, d, scale);
      else pending.push(i);
    }
    if (pending.length > SWEEP_THRESHOLD) {
      this.query.allToOne(into, this.sweep);
      for (const i of pending) {
        const from = ends[i]!;
        let ms = viaSeeds(this.hierarchy, this.sweep, from);
        const direct = sameRoad(this.graph, this.weights, from, into);
        if (direct && direct.ms < ms) ms = direct.ms;
        out[i] = this.total(ms, this.onRoad(origins[i]!), d, scale);
      }
    } else if (pending.length > 0) {
      this.query.prepareTarget(into);
      for (const i of pending) out[i] = this.total(this.exactPrepared(ends[i]!, into), this.onRoad(origins[i]!), d, scale);
    }
    return out;
  }

  timesFrom(origin: Place, dests: readonly Place[], departS: number, blueLight: boolean): Float64Array {
    const scale = this.scaleAt(departS, blueLight);
    const o = this.onRoad(origin);
    const from = exits(this.graph, this.weights, o);
    const out = new Float64Array(dests.length);
    let tree = this.trees.get(key(from));
    if (!tree && dests.length > SWEEP_THRESHOLD) tree = this.trees.build(key(from), from);
    for (let i = 0; i < dests.length; i++) {
      const d = this.onRoad(dests[i]!);
      const into = entries(this.graph, this.weights, d);
      let ms: number;
      if (tree) {
        ms = fromTree(this.hierarchy, tree, from, into, this.weights, this.graph);
      } else {
        this.query.prepareTarget(into);
        ms = this.exactPrepared(from, into);
      }
      out[i] = this.total(ms, o, d, scale);
    }
    return out;
  }

  rankTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
    const count = Math.min(Math.max(0, Math.floor(k)), origins.length);
    if (count === 0) return [];
    const scale = this.scaleAt(departS, blueLight);
    const d = this.onRoad(dest);
    const into = entries(this.graph, this.weights, d);
    const best = new TopK(count);
    const later: number[] = [];
    const bounds: number[] = [];
    const ends: RoadEnd[] = new Array(origins.length);
    for (let i = 0; i < origins.length; i++) {
      const o = this.onRoad(origins[i]!);
      const from = exits(this.graph, this.weights, o);
      ends[i] = from;
      const tree = this.trees.get(key(from));
      if (tree) {
        best.offer(this.total(fromTree(this.hierarchy, tree, from, into, this.weights, this.graph), o, d, scale), i);
        continue;
      }
      const straight = Math.max(0, haversineM(o.lon, o.lat, d.lon, d.lat) - o.accessM - d.accessM);
      bounds[i] = this.total(straight * this.msPerMLowerBound, o, d, scale);
      later.push(i);
    }
    later.sort((a, b) => bounds[a]! - bounds[b]! || a - b);
    let prepared = false;
    for (const i of later) {
      // Strictly worse than the k-th best even at its lower bound: so are all that follow.
      if (best.full && bounds[i]! > best.worstTime) break;
      const from = ends[i]!;
      const tree = this.trees.noteUse(key(from), from);
      let ms: number;
      if (tree) {
        ms = fromTree(this.hierarchy, tree, from, into, this.weights, this.graph);
      } else {
        if (!prepared) {
          this.query.prepareTarget(into);
          prepared = true;
        }
        ms = this.exactPrepared(from, into);
      }
      best.offer(this.total(ms, this.onRoad(origins[i]!), d, scale), i);
    }
    return best.result();
  }

  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip {
    const scale = this.scaleAt(departS, blueLight);
    const o = this.onRoad(origin);
    const d = this.onRoad(dest);
    const from = exits(this.graph, this.weights, o);
    const into = entries(this.graph, this.weights, d);
    const direct = sameRoad(this.graph, this.weights, from, into);
    const path = this.query.path(from, into);
    const pieces: EdgePiece[] = [];
    let ms: number;
    if (direct && (path === null || direct.ms <= path.distance)) {
      ms = direct.ms;
      pieces.push({ edge: direct.edge, fromM: along(this.graph, direct.edge, from.posM), toM: along(this.graph, direct.edge, into.posM), ms });
    } else if (path) {
      ms = path.distance;
      const exit = from.edges[path.sourceSeed]!;
      const entry = into.edges[path.targetSeed]!;
      pieces.push({ edge: exit, fromM: along(this.graph, exit, from.posM), toM: this.graph.edgeLengthM[exit]!, ms: from.costs[path.sourceSeed]! });
      for (const e of path.edges) pieces.push({ edge: e, fromM: 0, toM: this.graph.edgeLengthM[e]!, ms: this.weights[e]! });
      pieces.push({ edge: entry, fromM: 0, toM: along(this.graph, entry, into.posM), ms: into.costs[path.targetSeed]! });
      const sum = pieces.reduce((s, p) => s + p.ms, 0);
      if (sum !== ms) throw new Error(`road trip: unpacked path weighs ${sum} ms, query said ${ms} ms`);
    } else {
      return unreachableTrip(o);
    }
    return new RoadTrip(this.graph, {
      origin: o,
      dest: d,
      pieces,
      accessOriginS: this.accessS(o),
      accessDestS: this.accessS(d),
      scale,
      durationS: this.total(ms, o, d, scale),
      detourFactor: this.settings.detourFactor,
    });
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

  private exactPrepared(from: RoadEnd, into: RoadEnd): number {
    let ms = this.query.distanceToPrepared(from);
    const direct = sameRoad(this.graph, this.weights, from, into);
    if (direct && direct.ms < ms) ms = direct.ms;
    return ms;
  }

  /** A place snapped to the roads (places made by a straight-line model have edge -1). */
  private onRoad(place: Place): Place {
    return place.edge >= 0 ? place : this.place(place.lon, place.lat);
  }
}

/** Milliseconds from `from` to `into` by the one-to-all tree of `from`. */
function fromTree(h: Hierarchy, tree: Uint32Array, from: RoadEnd, into: RoadEnd, weights: Uint32Array, graph: RoadGraph): number {
  let ms = Infinity;
  for (let j = 0; j < into.nodes.length; j++) {
    const d = tree[h.rank[into.nodes[j]!]!]!;
    if (d !== UNREACHABLE && d + into.costs[j]! < ms) ms = d + into.costs[j]!;
  }
  const direct = sameRoad(graph, weights, from, into);
  if (direct && direct.ms < ms) ms = direct.ms;
  return ms;
}

/** Milliseconds from `from` to the target of an all-to-one sweep. */
function viaSeeds(h: Hierarchy, sweep: Uint32Array, from: RoadEnd): number {
  let ms = Infinity;
  for (let j = 0; j < from.nodes.length; j++) {
    const d = sweep[h.rank[from.nodes[j]!]!]!;
    if (d !== UNREACHABLE && d + from.costs[j]! < ms) ms = d + from.costs[j]!;
  }
  return ms;
}

/** The cache key of an origin's road position (road, centimetres along it). */
function key(end: RoadEnd): number {
  return end.road * 1e7 + Math.round(end.posM * 100);
}

/** Metres along directed edge `e` of the road position `posM` (metres from the road's first vertex). */
function along(graph: RoadGraph, e: number, posM: number): number {
  return graph.edgeReversed[e] ? graph.edgeLengthM[e]! - posM : posM;
}

/** Hierarchies contracted in this process, by graph and metric (replications reuse them). */
const contracted = new WeakMap<RoadGraph, Map<string, Hierarchy>>();

/**
 * The hierarchy for this metric: the one given, the graph's own when it fits, one made earlier in
 * this process or kept by the host's store, else contracted now (in the order of the graph's own
 * hierarchy when it has one: about twice as fast) and handed to the store.
 */
function pickHierarchy(graph: RoadGraph, weights: Uint32Array, options: RoadTravelOptions): Hierarchy {
  if (options.hierarchy) {
    if (!sameWeights(options.hierarchy.edgeWeightMs, weights)) throw new Error('road travel: the hierarchy given was built for other road speeds');
    return options.hierarchy;
  }
  if (graph.hierarchy && sameWeights(graph.hierarchy.edgeWeightMs, weights)) return graph.hierarchy;
  const key = metricKey(weights);
  let mine = contracted.get(graph);
  if (!mine) contracted.set(graph, (mine = new Map()));
  const earlier = mine.get(key);
  if (earlier) return earlier;
  const stored = graph.hierarchyStore?.load(key);
  if (stored && sameWeights(stored.edgeWeightMs, weights)) {
    mine.set(key, stored);
    return stored;
  }
  const made = contract({ firstOut: graph.firstOut, edgeHead: graph.edgeHead, weightMs: weights }, { onProgress: options.onContract, rank: graph.hierarchy?.rank });
  mine.set(key, made);
  graph.hierarchyStore?.save(key, made);
  return made;
}

function positive(path: string, value: number): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new Error(`${path}: expected a number > 0, got ${String(value)}`);
  return value;
}

function checkCongestion(values: readonly number[] | undefined): Float64Array {
  if (values === undefined) return new Float64Array(24).fill(1);
  if (values.length !== 24) throw new Error(`travel.congestionByHour: expected 24 factors, got ${values.length}`);
  values.forEach((v, i) => positive(`travel.congestionByHour[${i}]`, v));
  return Float64Array.from(values);
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

/** The k best (time, index) pairs seen, smallest time first, ties to the lower index. */
class TopK {
  private readonly times: number[] = [];
  private readonly indices: number[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.times.length === this.k;
  }

  get worstTime(): number {
    return this.times[this.times.length - 1]!;
  }

  offer(time: number, index: number): void {
    const n = this.times.length;
    if (n === this.k && !before(time, index, this.times[n - 1]!, this.indices[n - 1]!)) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(time, index, this.times[i - 1]!, this.indices[i - 1]!)) {
      this.times[i] = this.times[i - 1]!;
      this.indices[i] = this.indices[i - 1]!;
      i--;
    }
    this.times[i] = time;
    this.indices[i] = index;
  }

  result(): Ranked[] {
    return this.times.map((timeS, i) => ({ index: this.indices[i]!, timeS }));
  }
}

function before(t1: number, i1: number, t2: number, i2: number): boolean {
  return t1 < t2 || (t1 === t2 && i1 < i2);
}
