/**
 * The "road data coverage" layer of the built-in London data (issue 4 item 3: the map can show
 * where road data is thin): a grid of about 500 m cells over London, each with the metres from its
 * centre to the nearest modelled road, and per BCU the share of demand farther than 500 m from one.
 * East of the Greenwich meridian only main roads are modelled (../shared/data/README.md, roads), so
 * there incidents reach the road by long access legs (MODEL.md "Travel").
 *
 * Built in Node once per set of inputs (about half a second once the road graph is built) into
 * `<cacheDir()>/coverage/london-<key>.json`, where the key covers this builder's version and
 * settings, the London road graph's cache key and the data step's key: a changed road file,
 * boundary or demand file rebuilds it. About 50 KB. The Electron host reads it in `mapLayers`
 * (src/main/map-layers.ts); `npm run build:web` copies it into the site as `data/road-coverage.json`
 * (scripts/copy-web-data.ts, src/web/map-layers.ts). Format: `RoadCoverage` (src/shared/ipc-schemas.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bbox as turfBbox } from '@turf/bbox';
import type { CoverageDemand, RoadCoverage } from '../../shared/ipc-schemas';
import type { RoadGraph } from '../../sim/roads/graph';
import { buildAreaSet, type AreaFeatures } from '../../world';
import { createRoadSnapper, snapDistanceGrid, type RoadSnapper } from '../../world/road';
import { writeFileAtomicSync } from '../files/atomic-write';
import { fileSha256, graphCacheKey } from '../osm/graph-file';
import { ensureLondonGraph, LONDON_ROAD_FILES } from '../osm/london';
import { ensureBuiltinDataReport, type EnsureOptions } from './builtin';
import { cacheDir, londonDataDir } from './paths';

/** Bump when the file changes for the same inputs: cached layers are then rebuilt. */
export const COVERAGE_VERSION = 1;
/** Nominal cell size, metres. */
export const COVERAGE_CELL_M = 500;
/** Demand farther than this from a modelled road counts as far (the text figure by BCU), metres. */
export const COVERAGE_FAR_M = 500;

/** Credit for the layer: it is derived from the London road graph (../shared/data/README.md). */
export const COVERAGE_ATTRIBUTION: readonly string[] = [
  'Road data coverage: distances to the modelled roads of the London road graph; west: © OpenMapTiles © OpenStreetMap contributors (ODbL 1.0); east main roads: © OpenStreetMap contributors (ODbL 1.0), contains public sector information licensed under the Open Government Licence v3.0 (DfT Major Road Network).',
];

/** Built-in data the layer is made from, already read. */
export interface CoverageInputs {
  readonly graph: RoadGraph;
  /** the road graph's cache key, recorded in the file */
  readonly graphKey: string;
  /** areas with properties `id` and `bcu` (the data step's `areas.geojson`) */
  readonly areas: AreaFeatures;
  /** demand points as parallel arrays; `area` is the id of the area each point lies in */
  readonly points: { readonly lon: readonly number[]; readonly lat: readonly number[]; readonly weight: readonly number[]; readonly area: readonly string[] };
  /** BCU id -> display name (from the BCU borders); a BCU without one is shown by its id */
  readonly bcuNames: Readonly<Record<string, string>>;
  /** JSON path prefix or file of `areas`, for messages */
  readonly areasFile?: string;
  readonly pointsFile?: string;
}

export interface CoverageSettings {
  readonly cellM?: number;
  readonly farM?: number;
  readonly network?: string;
  readonly attribution?: readonly string[];
}

/**
 * The layer from its inputs, in memory. Cells whose centre lies in no area get -1. Throws naming
 * the file and JSON path when the areas or points are malformed.
 */
export function buildRoadCoverage(inputs: CoverageInputs, settings: CoverageSettings = {}): RoadCoverage {
  const cellM = settings.cellM ?? COVERAGE_CELL_M;
  const farM = settings.farM ?? COVERAGE_FAR_M;
  const areasFile = inputs.areasFile ?? 'areas';
  const bcuOf = areaBcus(inputs.areas, areasFile);
  const built = buildAreaSet(inputs.areas, { idProperty: 'id', nameProperty: 'name', groups: groupsOf(bcuOf), path: areasFile });
  if (!built.ok) throw new Error(`${areasFile}: ${built.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const areas = built.areas;

  const snapper = createRoadSnapper(inputs.graph);
  const [west, south, east, north] = turfBbox(inputs.areas as Parameters<typeof turfBbox>[0]);
  const grid = snapDistanceGrid(snapper, [west, south, east, north], cellM);
  const distanceM = new Array<number>(grid.cols * grid.rows);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const i = r * grid.cols + c;
      const inside = areas.locate(grid.west + c * grid.dLon, grid.south + r * grid.dLat) >= 0;
      distanceM[i] = inside ? Math.round(grid.distanceM[i]!) : -1;
    }
  }

  return {
    schemaVersion: 1,
    network: settings.network ?? 'london',
    graphKey: inputs.graphKey,
    cellM,
    // snapDistanceGrid gives the centre of cell (0, 0); the file gives its south-west corner.
    west: round(grid.west - grid.dLon / 2, 7),
    south: round(grid.south - grid.dLat / 2, 7),
    dLon: round(grid.dLon, 9),
    dLat: round(grid.dLat, 9),
    cols: grid.cols,
    rows: grid.rows,
    distanceM,
    farM,
    demand: demandByBcu(inputs, snapper, bcuOf, farM),
    attribution: [...(settings.attribution ?? COVERAGE_ATTRIBUTION)],
  };
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/** Area id -> BCU id (null: in no BCU), checking each feature's `id` and `bcu`. */
function areaBcus(areas: AreaFeatures, file: string): Map<string, string | null> {
  if (!areas || !Array.isArray(areas.features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  const out = new Map<string, string | null>();
  areas.features.forEach((f, i) => {
    const id = f.properties?.['id'];
    const bcu = f.properties?.['bcu'] ?? null;
    if (typeof id !== 'string' || id === '') throw new Error(`${file}: features[${i}].properties.id: expected the area id (a string)`);
    if (bcu !== null && typeof bcu !== 'string') throw new Error(`${file}: features[${i}].properties.bcu: expected a BCU id or null`);
    out.set(id, bcu);
  });
  return out;
}

function groupsOf(bcuOf: ReadonlyMap<string, string | null>): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const [area, bcu] of bcuOf) if (bcu !== null) (groups[bcu] ??= []).push(area);
  return groups;
}

/** Sums of one place's demand: weight, weight far from a road, weight x distance, point counts. */
class DemandSums {
  points = 0;
  farPoints = 0;
  weight = 0;
  farWeight = 0;
  weightedM = 0;

  add(weight: number, distanceM: number, farM: number): void {
    if (!(weight > 0)) return;
    this.points++;
    this.weight += weight;
    this.weightedM += weight * distanceM;
    if (distanceM > farM) {
      this.farPoints++;
      this.farWeight += weight;
    }
  }

  result(): CoverageDemand {
    const any = this.weight > 0;
    return {
      points: this.points,
      farPoints: this.farPoints,
      farSharePct: any ? round((100 * this.farWeight) / this.weight, 2) : null,
      meanDistanceM: any ? Math.round(this.weightedM / this.weight) : null,
    };
  }
}

function demandByBcu(inputs: CoverageInputs, snapper: RoadSnapper, bcuOf: ReadonlyMap<string, string | null>, farM: number): RoadCoverage['demand'] {
  const file = inputs.pointsFile ?? 'points';
  const { lon, lat, weight, area } = inputs.points;
  for (const [key, values] of Object.entries({ lon, lat, weight, area })) {
    if (!Array.isArray(values)) throw new Error(`${file}: ${key}: expected an array`);
    if (values.length !== lon.length) throw new Error(`${file}: ${key}: expected ${lon.length} values (one per point), got ${values.length}`);
  }
  const london = new DemandSums();
  const bcus = new Map<string, DemandSums>();
  for (const bcu of [...new Set(bcuOf.values())].filter((b): b is string => b !== null).sort()) bcus.set(bcu, new DemandSums());
  for (let i = 0; i < lon.length; i++) {
    const w = weight[i]!;
    if (!(typeof w === 'number' && w >= 0)) throw new Error(`${file}: weight[${i}]: expected a number >= 0, got ${String(w)}`);
    if (w === 0) continue; // weightless points (the City of London's) never carry an incident
    if (!bcuOf.has(area[i]!)) throw new Error(`${file}: area[${i}]: unknown area "${area[i]}"`);
    const d = snapper.distanceM(lon[i]!, lat[i]!);
    london.add(w, d, farM);
    const bcu = bcuOf.get(area[i]!);
    if (bcu) bcus.get(bcu)!.add(w, d, farM);
  }
  return {
    london: london.result(),
    byBcu: [...bcus].map(([bcu, sums]) => ({ bcu, name: inputs.bcuNames[bcu] ?? bcu, ...sums.result() })),
  };
}

// ---------------------------------------------------------------------------------------------
// The cached file

export interface CoverageOptions extends EnsureOptions {
  /** progress of building the road graph, when it is not built yet (tens of seconds) */
  readonly progress?: (fraction: number, phase: string) => void;
}

export interface CoverageFile {
  readonly path: string;
  /** false when the cached file was used */
  readonly built: boolean;
}

/**
 * The London coverage file, from the cache or built into it first (which builds the data step's
 * files and the road graph too when they are missing). Throws DataNotFoundError (src/node/data/paths)
 * when the London source data is absent.
 */
export async function ensureRoadCoverage(options: CoverageOptions = {}): Promise<CoverageFile> {
  const env = options.env ?? process.env;
  const data = ensureBuiltinDataReport(options);
  const roadsDir = londonDataDir({ explicit: options.dataDir, settings: options.settings, env, required: Object.values(LONDON_ROAD_FILES) });
  const roadInputs: Record<string, string> = {};
  for (const file of Object.values(LONDON_ROAD_FILES)) roadInputs[file] = fileSha256(path.join(roadsDir, file));
  // The same key the road graph's cache file is named by (src/node/osm/london.ts), so the graph is
  // loaded only when the layer must be built.
  const graphKey = graphCacheKey(roadInputs);
  const key = coverageKey({ graphKey, dataKey: data.manifest.key });
  return cachedCoverageFile(path.join(cacheDir(env), 'coverage'), 'london', key, options.force === true, async () => {
    const { graph } = await ensureLondonGraph({ dataDir: roadsDir, cacheDir: cacheDir(env), progress: options.progress });
    const bcuBorders = readJson(data.files.bcuBorders) as { features?: { properties?: { id?: unknown; name?: unknown } }[] };
    const bcuNames: Record<string, string> = {};
    for (const f of Array.isArray(bcuBorders?.features) ? bcuBorders.features : []) {
      if (typeof f.properties?.id === 'string' && typeof f.properties.name === 'string') bcuNames[f.properties.id] = f.properties.name;
    }
    return buildRoadCoverage({
      graph,
      graphKey,
      areas: readJson(data.files.areas) as AreaFeatures,
      areasFile: data.files.areas,
      points: readJson(data.files.points) as CoverageInputs['points'],
      pointsFile: data.files.points,
      bcuNames,
    });
  });
}

/** The cache key of a coverage layer: this builder's version and settings, and its inputs' keys. */
export function coverageKey(inputs: { readonly graphKey: string; readonly dataKey: string }, settings: { cellM?: number; farM?: number } = {}): string {
  return createHash('sha256')
    .update(`coverage ${COVERAGE_VERSION} cell ${settings.cellM ?? COVERAGE_CELL_M} far ${settings.farM ?? COVERAGE_FAR_M}\n`)
    .update(`graph ${inputs.graphKey}\ndata ${inputs.dataKey}\n`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * `<dir>/<prefix>-<key>.json`, built by `build` when absent (or when `force`), written atomically
 * (a reader never sees half a file); files of other keys with the same prefix are removed after a
 * build.
 */
export async function cachedCoverageFile(dir: string, prefix: string, key: string, force: boolean, build: () => Promise<RoadCoverage>): Promise<CoverageFile> {
  const file = path.join(dir, `${prefix}-${key}.json`);
  if (!force && existsSync(file)) return { path: file, built: false };
  const coverage = await build();
  mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(file, JSON.stringify(coverage));
  for (const entry of readdirSync(dir)) {
    // Older builds only: another process's staging file ends in .tmp and is left alone.
    if (entry.startsWith(`${prefix}-`) && entry.endsWith('.json') && entry !== path.basename(file)) rmSync(path.join(dir, entry), { force: true });
  }
  return { path: file, built: true };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
}
