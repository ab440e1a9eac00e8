/**
 * Road travel for a scenario: snapping points to the road graph through grids of its road
 * segments (segment-index.ts; a `flatbush` index for points far from every road), and the road
 * TravelModel of src/sim/travel/road.ts with that snapping injected.
 * Pure (no Node, no DOM): runs in the CLI, in sim worker threads and in a Web Worker.
 */
import type { Scenario } from '../shared/scenario';
import { greatCircleM, localProjection } from '../sim/geo';
import type { RoadGraph } from '../sim/roads/graph';
import { pointOnEdge } from '../sim/travel/road-trip';
import { RoadTravelModel, type HourOfDay, type RoadTravelOptions, type RoadTravelSettings, type Snap } from '../sim/travel/road';
import { hourOfDay, startOffsetS } from '../sim/time';
import type { Place } from '../sim/world';
import { WorldError } from './errors';
import { storedLayout, type SegmentStore, type WithSegmentStore } from './segment-file';
import { SegmentIndex, snapProjection } from './segment-index';

export interface RoadSnapper {
  /** The nearest road position of a point: directed edge, metres along it, straight metres away. */
  snap(lon: number, lat: number): Snap;
  /** Straight metres from a point to the nearest road (where road data is thin, this is large). */
  distanceM(lon: number, lat: number): number;
}

/** Snap distances on a regular lon/lat grid, for drawing where road data is thin. */
export interface SnapDistanceGrid {
  readonly cols: number;
  readonly rows: number;
  /** Centre of cell (0, 0) and the cell size, degrees; cell (c, r) is at west + c * dLon, south + r * dLat. */
  readonly west: number;
  readonly south: number;
  readonly dLon: number;
  readonly dLat: number;
  /** Metres to the nearest road at each cell centre, row by row from the south-west. */
  readonly distanceM: Float32Array;
}

/**
 * The road TravelModel over `graph` with the scenario's `travel` settings. `clock` gives the
 * local hour of day (0..23) at a simulated time (see `hourOfDayClock`).
 */
export function buildRoadTravel(
  graph: RoadGraph,
  travel: RoadTravelSettings,
  clock: HourOfDay,
  options: RoadTravelOptions = {},
): RoadTravelModel {
  const snapper = graphSnapper(graph);
  return new RoadTravelModel(graph, travel, clock, (lon, lat) => snapper.snap(lon, lat), options);
}

/**
 * Snappers made for graphs in this process: a snap depends on nothing but the graph, so every
 * world on one graph (a worker's worlds of other travel settings, areas or demand points) shares
 * one, its segment index and the metres along roads it has measured, rather than making them
 * again (measured on London: ~0.1 s CPU and 15 MB a world).
 */
const snappers = new WeakMap<RoadGraph, RoadSnapper>();

/** The snapper of `graph` (createRoadSnapper's, default options), made once per graph. */
export function graphSnapper(graph: RoadGraph): RoadSnapper {
  let snapper = snappers.get(graph);
  if (!snapper) {
    snapper = createRoadSnapper(graph);
    snappers.set(graph, snapper);
  }
  return snapper;
}

/**
 * The road parts of a scenario's world: its network (`network.source`, loaded by the caller
 * through the DataProvider) with the scenario's `travel` settings and clock, and a sampler of
 * places spread uniformly over the roads (by length). Bad settings and a network that is not a
 * road graph are WorldErrors naming the scenario path.
 */
export function roadWorld(scenario: Pick<Scenario, 'network' | 'start' | 'travel'>, network: unknown): { travel: RoadTravelModel; randomNetworkPlace: (uniform: () => number) => Place } {
  const source = scenario.network?.source ?? '(none)';
  if (!isRoadGraph(network)) {
    throw new WorldError([{ path: 'network.source', message: `"${source}" did not give a road graph` }]);
  }
  if (network.roadCount === 0) throw new WorldError([{ path: 'network.source', message: `"${source}" has no roads` }]);
  const offset = startOffsetS(scenario.start);
  let travel: RoadTravelModel;
  try {
    travel = buildRoadTravel(network, scenario.travel, (simS) => hourOfDay(simS, offset));
  } catch (error) {
    const message = (error as Error).message;
    const match = /^(travel\.[\w.[\]]+): (.*)$/s.exec(message);
    if (match) throw new WorldError([{ path: match[1]!, message: match[2]! }]);
    throw error;
  }
  return { travel, randomNetworkPlace: randomRoadPlace(travel) };
}

function isRoadGraph(value: unknown): value is RoadGraph {
  const g = value as Partial<RoadGraph> | null;
  return typeof g === 'object' && g !== null && typeof g.nodeCount === 'number' && g.firstOut instanceof Uint32Array && g.roadFirstVertex instanceof Uint32Array;
}

/**
 * Places spread uniformly over the length of the roads: a road chosen with probability
 * proportional to its length, then a uniform position along it (two draws of `uniform`).
 */
export function randomRoadPlace(travel: RoadTravelModel): (uniform: () => number) => Place {
  const graph = travel.graph;
  // Made on the first draw (a scenario with demand points or areas never draws one).
  let cumulative: Float64Array | null = null;
  let total = 0;
  return (uniform) => {
    if (cumulative === null) {
      cumulative = new Float64Array(graph.roadCount);
      for (let r = 0; r < graph.roadCount; r++) {
        const e = graph.roadForwardEdge[r]! >= 0 ? graph.roadForwardEdge[r]! : graph.roadBackwardEdge[r]!;
        total += graph.edgeLengthM[e]!;
        cumulative[r] = total;
      }
    }
    const target = uniform() * total;
    let lo = 0;
    let hi = graph.roadCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    const forward = graph.roadForwardEdge[lo]!;
    const edge = forward >= 0 ? forward : graph.roadBackwardEdge[lo]!;
    const offsetM = uniform() * graph.edgeLengthM[edge]!;
    const { lon, lat } = pointOnEdge(graph, edge, offsetM);
    return { lon, lat, edge, offsetM, accessM: 0 };
  };
}

/** The usual clock: the scenario starts at `startHour` local time, and hours run on from there. */
export function hourOfDayClock(startHour = 0): HourOfDay {
  return (simS) => (((Math.floor(simS / 3600) + startHour) % 24) + 24) % 24;
}

/**
 * Snapping to `graph`'s roads: the nearest point of any road segment (ties to the lower segment
 * number), by projected distance. `options.index` 'tree' searches the flatbush index only (for
 * tests: the grid must give the same snaps). The grids' layout comes from `options.store`, else
 * the graph's `segmentStore` (a host that keeps segment files: segment-file.ts), when it holds a
 * good one for the graph; else it is made now (and saved there).
 */
export function createRoadSnapper(graph: RoadGraph & WithSegmentStore, options: { index?: 'grid' | 'tree'; store?: SegmentStore } = {}): RoadSnapper {
  if (graph.roadCount === 0) throw new Error('road snapping: the road graph has no roads');
  const { kx, ky } = snapProjection(graph);
  const { roadFirstVertex, vertexLon, vertexLat } = graph;

  const store = options.store ?? graph.segmentStore;
  let index: SegmentIndex;
  if (store && options.index !== 'tree') {
    let made: SegmentIndex | undefined;
    const { layout } = storedLayout(store, graph, kx, ky, () => {
      made = new SegmentIndex(graph, kx, ky);
      return made.layout()!;
    });
    index = made ?? new SegmentIndex(graph, kx, ky, { layout });
  } else index = new SegmentIndex(graph, kx, ky, { treeOnly: options.index === 'tree' });
  const { segV } = index;
  // Metres from each road's first vertex to each of its vertices: made for a road when a place
  // first snaps to it (a run snaps to a small part of a city's roads).
  const alongM = new Float64Array(vertexLon.length);
  const alongMade = new Uint8Array(graph.roadCount);
  const along = (road: number): Float64Array => {
    if (alongMade[road] === 0) {
      for (let v = roadFirstVertex[road]! + 1, end = roadFirstVertex[road + 1]!; v < end; v++) {
        alongM[v] = alongM[v - 1]! + greatCircleM(vertexLon[v - 1]!, vertexLat[v - 1]!, vertexLon[v]!, vertexLat[v]!);
      }
      alongMade[road] = 1;
    }
    return alongM;
  };

  const snap = (lon: number, lat: number): Snap => {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) throw new Error(`road snapping: not a point (${lon}, ${lat})`);
    const { s, t } = index.nearest(lon * kx, lat * ky);
    const v = segV[s]!;
    const road = index.roadOf(v);
    const pLon = vertexLon[v]! + t * (vertexLon[v + 1]! - vertexLon[v]!);
    const pLat = vertexLat[v]! + t * (vertexLat[v + 1]! - vertexLat[v]!);
    const alongM = along(road);
    const lengthM = alongM[roadFirstVertex[road + 1]! - 1]!;
    const posM = Math.min(lengthM, alongM[v]! + greatCircleM(vertexLon[v]!, vertexLat[v]!, pLon, pLat));
    const forward = graph.roadForwardEdge[road]!;
    const edge = forward >= 0 ? forward : graph.roadBackwardEdge[road]!;
    return {
      edge,
      offsetM: forward >= 0 ? posM : graph.edgeLengthM[edge]! - posM,
      distanceM: greatCircleM(lon, lat, pLon, pLat),
    };
  };

  return { snap, distanceM: (lon, lat) => snap(lon, lat).distanceM };
}

/**
 * Snap distance at the centres of a grid of about `cellM` metre cells over a lon/lat box
 * (`west, south, east, north`), for a map layer showing where road data is thin.
 */
export function snapDistanceGrid(
  snapper: RoadSnapper,
  box: readonly [west: number, south: number, east: number, north: number],
  cellM: number,
): SnapDistanceGrid {
  const [west, south, east, north] = box;
  if (!(east > west && north > south && cellM > 0)) throw new Error(`snapDistanceGrid: empty box [${box.join(', ')}] or cell ${cellM} m`);
  const { metresPerDegLon, metresPerDegLat } = localProjection((south + north) / 2);
  const dLon = cellM / metresPerDegLon;
  const dLat = cellM / metresPerDegLat;
  const cols = Math.max(1, Math.ceil((east - west) / dLon));
  const rows = Math.max(1, Math.ceil((north - south) / dLat));
  const distanceM = new Float32Array(cols * rows);
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < cols; c++) {
      distanceM[row * cols + c] = snapper.distanceM(west + (c + 0.5) * dLon, south + (row + 0.5) * dLat);
    }
  }
  return { cols, rows, west: west + dLon / 2, south: south + dLat / 2, dLon, dLat, distanceM };
}
