/**
 * The world builder: from a scenario's world spec and a data provider to the SimWorld the simulator
 * runs on (areas, demand points, travel). Runs in Node and in a Web Worker: no files here; file
 * paths in a scenario are read and inlined by the Node side (src/node/scenario) before this is called.
 */
import { LIMITS, type Scenario, type ScenarioIssue } from '../shared/scenario';
import { show } from '../shared/scenario/primitives';
import { StraightLineTravel } from '../sim/travel/straight-line';
import { startOffsetS } from '../sim/time';
import type { AreaSet, DemandPoints, SimWorld, TravelModel } from '../sim/world';
import { buildAreaSet, type AreaFeatures } from './areas';
import { MissingDataError, WorldError } from './errors';
import { roadWorld } from './road';
import { keepDemandSpaces } from './kept-spaces';
import { pointAreas, type PointAreaStore } from './point-areas';

export { WorldError, MissingDataError } from './errors';
export type { AreaFeatures } from './areas';
export type { PointAreaStore } from './point-areas';
export { buildAreaSet } from './areas';

/** Weighted points of a built-in set (e.g. "london-lsoa"): parallel arrays. */
export interface PointSetData {
  lon: number[];
  lat: number[];
  weight: number[];
  label?: string[];
}

/** Where built-in data sets come from (Node: the built cache; browser: the static site's data/). */
export interface DataProvider {
  areas(source: string): Promise<AreaFeatures>;
  points(source: string): Promise<PointSetData>;
  /** A road graph (the routing module's RoadGraph). */
  network(source: string): Promise<unknown>;
  /**
   * Optional: a space file kept for the network (src/sim/roads/query/space-file.ts: the search
   * spaces of the demand points' roads, so that a run starts warm), or undefined when there is
   * none. A host whose graphs carry a `spaceStore` (Node: files in the cache) needs no such method.
   */
  spaces?(source: string): Promise<Uint8Array | undefined>;
  /**
   * Optional: where the host keeps the area of each point of the point set `points` in the area
   * set `areas` (both named sources; src/world/point-areas.ts), or undefined when it keeps none.
   */
  pointAreas?(areas: string, points: string): PointAreaStore | undefined;
}

/** A provider with no built-in data: every request names the set and says so. */
export const noBuiltInData: DataProvider = {
  areas: (source) => Promise.reject(new MissingDataError(`no built-in area set "${source}" here (give inline GeoJSON or a file path)`)),
  points: (source) => Promise.reject(new MissingDataError(`no built-in point set "${source}" here (give demand.points)`)),
  network: (source) => Promise.reject(new MissingDataError(`no built-in road network "${source}" here`)),
};

/**
 * Errors of a data provider that mean the scenario named data that is not there or is not what
 * it should be (by name: the Node classes live outside src/world). They become WorldErrors naming
 * the scenario field that asked, so every host reports them as bad input.
 */
const DATA_ERRORS = new Set(['DataSourceError', 'GraphFileError', 'MissingDataError', 'FileReadError', 'OsmReadError', 'GraphFormatError']);

async function fromData<T>(path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Error && DATA_ERRORS.has(error.name)) throw new WorldError([{ path, message: error.message }]);
    throw error;
  }
}

/**
 * The parts of a scenario its world is built from: areas, the areas stations, area weights and
 * surges name (checked against the area set), demand points, travel, start (clock of congestion)
 * and network. `buildWorld` reads nothing else, so scenarios with equal specs (replications,
 * resourcing variants: fleet, staffing, volumes, dispatch rules) share one world. A `Scenario` is
 * itself a `WorldSpec`; `worldSpec` cuts it down to exactly these fields, in a fixed order, so its
 * JSON is the key a sim worker keeps a built world under (src/host/replication-worker.ts).
 */
export interface WorldSpec {
  readonly areas?: Scenario['areas'];
  readonly stations: readonly { readonly area?: string | undefined }[];
  readonly demand: {
    readonly areaWeights?: Scenario['demand']['areaWeights'];
    readonly surges: readonly { readonly area?: string | undefined }[];
    readonly points?: Scenario['demand']['points'];
    readonly pointsSource?: Scenario['demand']['pointsSource'];
  };
  readonly travel: Scenario['travel'];
  readonly start?: Scenario['start'];
  readonly network?: Scenario['network'];
}

/** The world spec of `scenario`: only the fields `buildWorld` reads, in a fixed order. */
export function worldSpec(scenario: Scenario): WorldSpec {
  const { demand } = scenario;
  return {
    areas: scenario.areas,
    stations: scenario.stations.map((st) => ({ area: st.area })),
    demand: {
      areaWeights: demand.areaWeights,
      surges: demand.surges.map((sg) => ({ area: sg.area })),
      points: demand.points,
      pointsSource: demand.pointsSource,
    },
    travel: scenario.travel,
    start: scenario.start,
    network: scenario.network,
  };
}

async function loadAreas(s: WorldSpec, data: DataProvider): Promise<AreaSet | null> {
  if (!s.areas) return null;
  const { source } = s.areas;
  const fc = typeof source === 'string' ? await fromData('areas.source', () => data.areas(source)) : (source as unknown as AreaFeatures);
  const built = buildAreaSet(fc, {
    idProperty: s.areas.idProperty,
    nameProperty: s.areas.nameProperty,
    groups: s.areas.groups,
    path: typeof source === 'string' ? `areas.source("${source}")` : 'areas.source',
  });
  if (!built.ok) throw new WorldError(built.issues);
  return built.areas;
}

function checkAreaReferences(s: WorldSpec, areas: AreaSet | null): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!areas) return issues;
  const ids = new Set(areas.ids);
  const bcus = new Set(areas.bcus.filter((b) => b !== null));
  s.stations.forEach((st, i) => {
    if (st.area !== undefined && !ids.has(st.area)) issues.push({ path: `stations[${i}].area`, message: `unknown area "${st.area}"` });
  });
  for (const id of Object.keys(s.demand.areaWeights ?? {})) {
    if (!ids.has(id)) issues.push({ path: `demand.areaWeights.${id}`, message: `unknown area "${id}"` });
  }
  s.demand.surges.forEach((sg, i) => {
    if (sg.area !== undefined && !ids.has(sg.area) && !bcus.has(sg.area)) {
      issues.push({ path: `demand.surges[${i}].area`, message: `unknown area or BCU "${sg.area}"` });
    }
  });
  return issues;
}

async function loadPoints(s: WorldSpec, data: DataProvider, areas: AreaSet | null): Promise<DemandPoints | null> {
  let lon: number[], lat: number[], weight: number[], labels: string[] | undefined;
  if (s.demand.points) {
    lon = s.demand.points.map((p) => p.lon);
    lat = s.demand.points.map((p) => p.lat);
    weight = s.demand.points.map((p) => p.weight);
    labels = s.demand.points.some((p) => p.label) ? s.demand.points.map((p, i) => p.label ?? String(i)) : undefined;
  } else if (s.demand.pointsSource) {
    const source = s.demand.pointsSource;
    const set = await fromData('demand.pointsSource', () => data.points(source));
    const path = `demand.pointsSource("${s.demand.pointsSource}")`;
    const n = set.lon.length;
    if (set.lat.length !== n || set.weight.length !== n || (set.label && set.label.length !== n)) {
      throw new WorldError([{ path, message: `lon, lat, weight (and label) must have equal lengths, got ${n}, ${set.lat.length}, ${set.weight.length}` }]);
    }
    if (n === 0) throw new WorldError([{ path, message: 'the point set is empty' }]);
    const bad = set.weight.findIndex((w) => typeof w !== 'number' || !(w >= 0 && w <= LIMITS.weight));
    if (bad >= 0) throw new WorldError([{ path: `${path}.weight[${bad}]`, message: `expected a weight from 0 to ${LIMITS.weight.toExponential()}, got ${show(set.weight[bad])}` }]);
    const badLon = set.lon.findIndex((x) => typeof x !== 'number' || !(x >= -180 && x <= 180));
    if (badLon >= 0) throw new WorldError([{ path: `${path}.lon[${badLon}]`, message: `expected a longitude from -180 to 180, got ${show(set.lon[badLon])}` }]);
    const badLat = set.lat.findIndex((x) => typeof x !== 'number' || !(x >= -90 && x <= 90));
    if (badLat >= 0) throw new WorldError([{ path: `${path}.lat[${badLat}]`, message: `expected a latitude from -90 to 90, got ${show(set.lat[badLat])}` }]);
    if (!set.weight.some((w) => w > 0)) throw new WorldError([{ path: `${path}.weight`, message: 'expected at least one weight > 0' }]);
    ({ lon, lat, weight } = set);
    labels = set.label;
  } else return null;
  const lons = Float64Array.from(lon);
  const lats = Float64Array.from(lat);
  // Named sets: their points' areas as the host kept them (located once), when it keeps them.
  const areaSource = s.areas?.source;
  const store = typeof areaSource === 'string' && s.demand.pointsSource !== undefined && !s.demand.points ? data.pointAreas?.(areaSource, s.demand.pointsSource) : undefined;
  return {
    lon: lons,
    lat: lats,
    weight: Float64Array.from(weight),
    area: areas ? pointAreas(store, areas, lons, lats) : new Int32Array(lons.length).fill(-1),
    labels,
  };
}

function buildTravel(s: WorldSpec): TravelModel {
  const t = s.travel;
  return new StraightLineTravel({
    speedKph: t.speedKph,
    detourFactor: t.detourFactor,
    congestionByHour: t.congestionByHour,
    blueLightFactor: t.blueLightFactor,
    startOffsetS: startOffsetS(s.start),
  });
}

/**
 * West, south, east, north of where the scenario is, for warnings about far-off places: its areas
 * when it has some; else the 10th to 90th percentile of its weighted demand points on each axis
 * (so that one misplaced point does not stretch the box over the ocean); null when it has neither.
 */
export function worldBounds(world: SimWorld): [number, number, number, number] | null {
  if (world.areas?.bounds) return [...world.areas.bounds];
  const p = world.points;
  if (!p) return null;
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < p.lon.length; i++) {
    if (p.weight[i]! > 0) {
      lon.push(p.lon[i]!);
      lat.push(p.lat[i]!);
    }
  }
  if (lon.length === 0) return null;
  const q = (xs: number[], f: number) => xs[Math.round(f * (xs.length - 1))]!;
  lon.sort((a, b) => a - b);
  lat.sort((a, b) => a - b);
  return [q(lon, 0.1), q(lat, 0.1), q(lon, 0.9), q(lat, 0.9)];
}

/**
 * Everything the simulator needs besides the scenario, from its world spec (a whole `Scenario` will
 * do: only the spec's fields are read). Throws WorldError for bad references.
 */
export async function buildWorld(scenario: WorldSpec, data: DataProvider): Promise<SimWorld> {
  // A kept space file is fetched beside everything else (none, or a failed fetch: runs warm up as they go).
  const source = scenario.travel.mode === 'road' ? scenario.network?.source : undefined;
  const kept = source !== undefined && data.spaces ? data.spaces(source).catch(() => undefined) : undefined;
  const areas = await loadAreas(scenario, data);
  const issues = checkAreaReferences(scenario, areas);
  if (issues.length > 0) throw new WorldError(issues);
  const points = await loadPoints(scenario, data, areas);
  // Road travel: the network named by network.source (required with mode "road" by the checks).
  const road = scenario.travel.mode === 'road' ? roadWorld(scenario, await fromData('network.source', () => data.network(scenario.network!.source))) : null;
  const travel = road ? road.travel : buildTravel(scenario);
  // Runs start with the spaces of the demand points' roads the host kept (or made now, once). A
  // fetched file is not waited for (the browser: ~20 MB; measured, waiting for it delayed the
  // first figures more than it saved): its spaces join the caches when it arrives, even during a
  // run (a kept space is the space a search would make: no result changes).
  if (road && points) {
    if (road.travel.graph.spaceStore || kept === undefined) keepDemandSpaces(road.travel, points);
    else {
      const travel = road.travel;
      void kept.then((bytes) => {
        if (bytes) keepDemandSpaces(travel, points, bytes);
      });
    }
  }
  return { areas, points, travel, randomNetworkPlace: road ? road.randomNetworkPlace : null };
}
