/**
 * Part of `npm run build:web`: copies the built-in data files into dist-web/data/, where the
 * browser build's data provider fetches them (src/web/data-provider.ts):
 *
 * - the London data step's files (src/node/data/builtin.ts), under their own names;
 * - the built London road graph (src/node/osm/london.ts, `<cache>/roads/london-<key>.graph`, with
 *   the hierarchy of the default road speeds) as `london-roads.graph` (WEB_DATA_FILES.network);
 * - the road data coverage layer (src/node/data/coverage.ts, `<cache>/coverage/london-<key>.json`)
 *   as `road-coverage.json` (WEB_MAP_FILES), which the map's `mapLayers` fetches;
 * - only with RESPONSE_SIM_WEB_SPACES=1 (npm run build:web sets it unless it is 0: scripts/web-build.mjs
 *   says why): the space file of the London baseline's demand points on
 *   that graph (`<cache>/roads/london-<key>.spaces-<key>.bin`, src/sim/roads/query/space-file.ts;
 *   made by building the baseline's world when missing) as `london-roads.spaces` (WEB_SPACE_FILES).
 *   (Measured 2026-12-07, load 4-5, before the first figures were prebuilt and the page shared its
 *   fetches: its ~20 MB fetched in each worker cost the first figures more than the searches it saved.)
 * - `prebuilt.json` (src/web/prebuilt.ts, made by ./web-prebuilt.ts): the London baseline's first
 *   outcomes (its 1-day and 7-day runs), run here through the sim-worker loop, preloaded by the
 *   site's index.html; RESPONSE_SIM_WEB_PREBUILT=0 leaves it out.
 * - `warm-<key>.snapshot.gz` (made by ./web-prebuilt.ts): the London baseline live session's state at the
 *   end of its warm-up (src/sim/snapshot), which the page's live worker restores instead of warming up;
 * - only with RESPONSE_SIM_WEB_PREBUILT_LIVE=1: `prebuilt-live.json`, the live session's first frame
 *   past its warm-up (2.6 MB), shown before the live worker has opened the session. Off by default:
 *   measured (2026-12-07, load 11-13), the session then looked ready seconds to a minute before
 *   Play or an inject did anything (the worker still fetching the graph, building its world and
 *   warming up), and the e2e trainer and Play tests, which act once the session shows, failed.
 *
 * Both are built from the London source data on first use. Without the source data the site is
 * still built, without what is missing, and one line says so (the app then names the missing file
 * when a scenario asks for it).
 *
 * Usage: tsx scripts/copy-web-data.ts [--out dist-web/data]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuiltinData } from '../src/node/data/builtin';
import { ensureRoadCoverage } from '../src/node/data/coverage';
import { DataNotFoundError } from '../src/node/data/paths';
import { ensureLondonGraph } from '../src/node/osm/london';
import { spaceFilePath } from '../src/node/osm/graph-file';
import { nodeDataProvider } from '../src/node/data/provider';
import { loadScenarioFile } from '../src/node/scenario/load';
import { parseScenario } from '../src/shared/scenario';
import { spaceFileKey } from '../src/sim/roads/query/space-file';
import type { RoadTravelModel } from '../src/sim/travel/road';
import { buildWorld } from '../src/world';
import { demandPlaces } from '../src/world/kept-spaces';
import { WEB_DATA_FILES, WEB_POINT_AREAS_FILE, WEB_SPACE_FILES } from '../src/web/data-provider';
import { keptPointAreasFile } from '../src/node/data/kept-files';
import { WEB_MAP_FILES } from '../src/web/map-layers';
import { writePrebuilt } from './web-prebuilt';
import { writeWebSegments } from './web-segments';
import { WARM_SNAPSHOTS_FILE, WARM_SNAPSHOTS_FORMAT } from '../src/web/prebuilt';

/** Source file -> name in the site's data folder. */
type Copies = Map<string, string>;

async function builtinCopies(): Promise<Copies | null> {
  try {
    const files = { ...(await ensureBuiltinData()) };
    const copies: Copies = new Map(Object.values(files).filter((f): f is string => f !== undefined).map((f) => [f, path.basename(f)]));
    // The London points' areas (src/world/point-areas.ts): a worker reads them instead of locating 4,835 points (~50 ms).
    const areas = await keptPointAreasFile();
    if (areas) copies.set(areas, WEB_POINT_AREAS_FILE);
    return copies;
  } catch (error) {
    if (error instanceof DataNotFoundError) {
      console.log(`build:web: no built-in London data in the site (${error.message})`);
      return null;
    }
    throw error;
  }
}

async function roadCopies(): Promise<Copies | null> {
  try {
    const { path: file } = await ensureLondonGraph({ progress: progressLine('building the London road graph') });
    const spaces = process.env.RESPONSE_SIM_WEB_SPACES === '1' ? await londonSpaceFile(file) : null;
    return new Map([[file, WEB_DATA_FILES.network.london], ...(spaces ? [[spaces, WEB_SPACE_FILES.london!] as const] : [])]);
  } catch (error) {
    if (error instanceof DataNotFoundError) {
      console.log(`build:web: no London road network in the site (${error.message})`);
      return null;
    }
    throw error;
  }
}

/**
 * The space file of the London baseline's world on the graph `graphFile` (made by building that
 * world when missing), or null when the baseline has no road world with demand points.
 */
async function londonSpaceFile(graphFile: string): Promise<string | null> {
  const raw = (await loadScenarioFile('london')) as unknown as { travel: Record<string, unknown> };
  const parsed = parseScenario({ ...raw, travel: { ...raw.travel, mode: 'road' } });
  if (!parsed.ok) throw new Error(`the London baseline is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const world = await buildWorld(parsed.scenario, nodeDataProvider());
  if (world.travel.mode !== 'road' || !world.points) return null;
  const travel = world.travel as RoadTravelModel;
  const file = spaceFilePath(graphFile, spaceFileKey(travel.hierarchy, demandPlaces(world.points)));
  return existsSync(file) ? file : null;
}

async function coverageCopies(): Promise<Copies | null> {
  try {
    const { path: file } = await ensureRoadCoverage({ progress: progressLine('building the London road graph') });
    return new Map([[file, WEB_MAP_FILES['london-boroughs'].coverage]]);
  } catch (error) {
    if (error instanceof DataNotFoundError) {
      console.log(`build:web: no road data coverage layer in the site (${error.message})`);
      return null;
    }
    throw error;
  }
}

/** Progress on a terminal only (a first build of the graph takes tens of seconds). */
function progressLine(what: string): ((fraction: number, phase: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = -1;
  return (fraction, phase) => {
    const pct = Math.floor(fraction * 100);
    if (pct === shown) return;
    shown = pct;
    process.stderr.write(`\rbuild:web: ${what}: ${phase} ${pct}%   ${pct >= 100 ? '\n' : ''}`);
  };
}

/**
 * Has the site's index.html (when there is one beside `data/`) preload `files` of `data/` with the
 * page, before its scripts run; the page fetches them only where it finds these links.
 */
function preloadFromIndex(index: string, files: readonly string[]): void {
  if (!existsSync(index)) return;
  const html = readFileSync(index, 'utf8').replace(/\s*<link rel="preload" href="\.\/data\/[^"]*" as="fetch" crossorigin>/g, '');
  const links = files.map((f) => `\n    <link rel="preload" href="./data/${f}" as="fetch" crossorigin>`).join('');
  if (!html.includes('</title>')) throw new Error(`${index} has no </title> to put the data preloads after`);
  writeFileSync(index, html.replace('</title>', `</title>${links}`));
}

async function main(argv: readonly string[]): Promise<number> {
  const at = argv.indexOf('--out');
  const out = path.resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : path.join(__dirname, '..', 'dist-web', 'data'));
  const copies: Copies = new Map([...((await builtinCopies()) ?? []), ...((await roadCopies()) ?? []), ...((await coverageCopies()) ?? [])]);
  if (copies.size === 0) return 0;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  for (const [from, name] of copies) {
    const target = path.join(out, name);
    copyFileSync(from, target);
    bytes += statSync(target).size;
  }
  const names = [...copies.values()].sort();
  // The graph's snapping index beside it (src/web/segment-fetch.ts).
  const segments = names.includes(WEB_DATA_FILES.network.london) ? await writeWebSegments(out) : null;
  if (segments) {
    names.push(segments.file);
    bytes += segments.bytes;
  }
  // The first outcomes the page asks for (src/web/prebuilt.ts), when the site has the London data;
  // RESPONSE_SIM_WEB_PREBUILT=0 leaves them out (the page then runs everything in its workers).
  if (process.env.RESPONSE_SIM_WEB_PREBUILT !== '0' && names.includes(WEB_DATA_FILES.network.london) && names.includes('demand-points.json')) {
    const started = performance.now();
    const written = await writePrebuilt(out, { live: process.env.RESPONSE_SIM_WEB_PREBUILT_LIVE === '1' });
    bytes += written.bytes;
    names.push(...written.files);
    // The page preloads the JSON it reads; the warm-up snapshot is fetched by the live session's worker.
    preloadFromIndex(path.join(out, '..', 'index.html'), written.files.filter((f) => f.endsWith('.json') && f !== WARM_SNAPSHOTS_FILE));
    console.log(`build:web: ${written.files.join(' and ')}: the London baseline's first outcomes, made in ${Math.round(performance.now() - started)} ms`);
  } else {
    // No warm-up snapshots: the list says so, and a live session's worker asks for none (src/web/prebuilt-fetch.ts).
    writeFileSync(path.join(out, WARM_SNAPSHOTS_FILE), JSON.stringify({ format: WARM_SNAPSHOTS_FORMAT, files: [] }));
    names.push(WARM_SNAPSHOTS_FILE);
  }
  console.log(`build:web: ${names.length} data files (${(bytes / 1048576).toFixed(1)} MB) in ${path.relative(process.cwd(), out) || out}: ${names.join(', ')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`build:web: copying the built-in data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
