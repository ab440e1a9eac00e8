/**
 * `npm run data` (= `response-sim data`): builds the built-in London data into the cache (or finds
 * it there) and prints what it holds: the areas, outlines, demand points and bases, then the London
 * road graph (tens of seconds the first time, with a progress bar on a terminal) and the road data
 * coverage layer made from it. `--no-roads` stops after the first part. Missing or malformed source
 * data is bad input (exit 2).
 */
import { readFileSync } from 'node:fs';
import { ensureBuiltinDataReport, type BuiltinData } from '../../node/data/builtin';
import { DataNotFoundError, londonDataDir } from '../../node/data/paths';
import { ensureRoadCoverage } from '../../node/data/coverage';
import type { PoliceBase } from '../../node/london/bases';
import { baselineScenarioPath, writeBaselineStationsAndFleet } from '../../node/london/baseline';
import { SourceDataError } from '../../node/london/csv';
import type { DemandPointsFile } from '../../node/london/demand';
import { ensureLondonGraph, LONDON_ROAD_FILES } from '../../node/osm/london';
import { InputError } from '../errors';
import type { Command } from '../command';
import { progressBar } from '../progress';

const USAGE = 'data [--data DIR] [--force] [--no-roads] [--json] [--write-baseline]';

interface DataArgs {
  dataDir?: string;
  force: boolean;
  roads: boolean;
  json: boolean;
  writeBaseline: boolean;
}

function parseArgs(args: readonly string[]): DataArgs {
  const out: DataArgs = { force: false, roads: true, json: false, writeBaseline: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') out.force = true;
    else if (arg === '--write-baseline') out.writeBaseline = true;
    else if (arg === '--no-roads') out.roads = false;
    else if (arg === '--json') out.json = true;
    else if (arg === '--data') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new InputError(`data: --data needs a folder (usage: ${USAGE})`);
      out.dataDir = value;
    } else throw new InputError(`data: unknown argument '${arg}' (usage: ${USAGE})`);
  }
  return out;
}

/** Rewrites the baseline scenario's stations and fleet from the built bases and points. */
function writeBaseline(files: BuiltinData): { file: string; changed: boolean } {
  const bases = (JSON.parse(readFileSync(files.bases, 'utf8')) as { bases: PoliceBase[] }).bases;
  const points = JSON.parse(readFileSync(files.points, 'utf8')) as DemandPointsFile;
  const file = baselineScenarioPath();
  return { file, changed: writeBaselineStationsAndFleet(file, bases, points) };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** What the road part of the step found or built. */
interface RoadsReport {
  readonly graph: { readonly path: string; readonly built: boolean; readonly nodes: number; readonly edges: number; readonly ms: number };
  readonly coverage: { readonly path: string; readonly built: boolean; readonly ms: number };
}

/** The London road graph and the coverage layer made from it, from the cache or built into it. */
async function ensureRoads(options: DataArgs, dataDir: string): Promise<RoadsReport> {
  const bar = progressBar(!options.json);
  try {
    // Names the missing road file when the folder has the rest of the London data but not the roads.
    const roadsDir = londonDataDir({ explicit: dataDir, required: Object.values(LONDON_ROAD_FILES) });
    let started = performance.now();
    const london = await ensureLondonGraph({ dataDir: roadsDir, progress: (f, phase) => bar.update(f, `road graph: ${phase}`) });
    const graph = { path: london.path, built: london.built, nodes: london.graph.nodeCount, edges: london.graph.edgeCount, ms: Math.round(performance.now() - started) };
    bar.done();
    started = performance.now();
    const file = await ensureRoadCoverage({ dataDir, force: options.force });
    return { graph, coverage: { path: file.path, built: file.built, ms: Math.round(performance.now() - started) } };
  } finally {
    bar.done();
  }
}

function roadLines(roads: RoadsReport | null): string[] {
  if (!roads) return ['  road graph      skipped (--no-roads; built on first use of road travel)'];
  const { graph, coverage } = roads;
  const when = (built: boolean, ms: number): string => (built ? `built in ${(ms / 1000).toFixed(1)} s` : 'cached');
  return [
    `  road graph      ${graph.path}  (${graph.nodes.toLocaleString('en-GB')} nodes, ${graph.edges.toLocaleString('en-GB')} edges; ${when(graph.built, graph.ms)})`,
    `  road coverage   ${coverage.path}  (${when(coverage.built, coverage.ms)})`,
  ];
}

export const command: Command = {
  usage: USAGE,
  summary:
    'Build the built-in London data (areas, map outlines, demand points, police bases, the road graph and its coverage layer) ' +
    'into the cache from ../shared/data (or --data DIR, or $RESPONSE_SIM_DATA); --force rebuilds even when the cache is current ' +
    '(the road graph is rebuilt only when its input files change); --no-roads skips the road graph; --write-baseline rewrites ' +
    'the stations and fleet of assets/scenarios/london-baseline.json from the built bases and the fleet plan.',
  async run(args) {
    const options = parseArgs(args);
    const started = performance.now();
    let report;
    try {
      report = ensureBuiltinDataReport({ dataDir: options.dataDir, force: options.force });
    } catch (error) {
      if (error instanceof DataNotFoundError || error instanceof SourceDataError) throw new InputError(error.message);
      throw error;
    }
    const ms = performance.now() - started;
    let roads: RoadsReport | null = null;
    if (options.roads) {
      try {
        roads = await ensureRoads(options, report.dataDir);
      } catch (error) {
        if (error instanceof DataNotFoundError) throw new InputError(error.message);
        throw error;
      }
    }
    const baseline = options.writeBaseline ? writeBaseline(report.files) : null;
    if (options.json) {
      const out = { built: report.built, folder: report.folder, files: report.files, manifest: report.manifest, ms: Math.round(ms), roads, baseline };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    const { manifest, files } = report;
    const c = manifest.counts;
    const lines = [
      `London data ${report.built ? `built in ${(ms / 1000).toFixed(1)} s` : `up to date (cached, checked in ${ms.toFixed(0)} ms)`}`,
      `  from   ${report.dataDir}`,
      `  into   ${report.folder}`,
      `  areas           ${files.areas}  (${c.areas} areas, ${kb(manifest.files['areas.geojson'] ?? 0)})`,
      `  areas (map)     ${files.areasDisplay}  (${kb(manifest.files['areas-display.geojson'] ?? 0)})`,
      `  BCU borders     ${files.bcuBorders}  (${c.bcus} BCUs, ${kb(manifest.files['bcu-borders.geojson'] ?? 0)})`,
      `  demand points   ${files.points}  (${c.points} LSOA points, ${kb(manifest.files['demand-points.json'] ?? 0)})`,
      `  police bases    ${files.bases}  (${c.bases} bases, ${c.syntheticBases} synthetic; ${c.droppedSites} non-Met or closed sites dropped)`,
      ...roadLines(roads),
    ];
    if (baseline) lines.push(`  baseline        ${baseline.file}: stations and fleet ${baseline.changed ? 'rewritten' : 'already up to date'}`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
