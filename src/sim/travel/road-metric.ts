/**
 * The metric of a road travel model (road.ts): its settings and options, the scenario's
 * settings checked, and the contraction hierarchy for its road speeds (the graph's own, one kept
 * by the host, or one contracted now).
 */
import { contract } from '../roads/build/contract';
import type { Hierarchy } from '../roads/hierarchy';
import type { RoadGraph } from '../roads/graph';
import { metricKey, sameWeights } from '../roads/weights';

/** The scenario's `travel` fields this model reads (MODEL.md names and units). */
export interface RoadTravelSettings {
  /** km/h per road class, overriding the London defaults of roads/speeds.ts. */
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
  /** One-to-all trees kept for repeated origins (4 bytes per node each; default 16: they serve as landmarks; places met again and again answer by their kept search spaces). */
  readonly maxTrees?: number;
  /** Exact evaluations of an origin before it gets a tree (default 16). */
  readonly treeAfter?: number;
  /** Called while a hierarchy is being contracted here. */
  readonly onContract?: (done: number, total: number) => void;
}

/** Hierarchies contracted in this process, by graph and metric (replications reuse them). */
const contracted = new WeakMap<RoadGraph, Map<string, Hierarchy>>();

/**
 * The hierarchy for this metric: the one given, the graph's own when it fits, one made earlier in
 * this process or kept by the host's store, else contracted now (in the order of the graph's own
 * hierarchy when it has one: about twice as fast) and handed to the store.
 */
export function pickHierarchy(graph: RoadGraph, weights: Uint32Array, options: RoadTravelOptions): Hierarchy {
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

export function positive(path: string, value: number): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new Error(`${path}: expected a number > 0, got ${String(value)}`);
  return value;
}

export function checkCongestion(values: readonly number[] | undefined): Float64Array {
  if (values === undefined) return new Float64Array(24).fill(1);
  if (values.length !== 24) throw new Error(`travel.congestionByHour: expected 24 factors, got ${values.length}`);
  values.forEach((v, i) => positive(`travel.congestionByHour[${i}]`, v));
  return Float64Array.from(values);
}
