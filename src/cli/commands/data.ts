/**
 * `npm run data` (= `response-sim data`): builds the built-in London data into the cache (or finds
 * it there) and prints what it holds. Missing or malformed source data is bad input (exit 2).
 */
import { readFileSync } from 'node:fs';
import { ensureBuiltinDataReport, type BuiltinData } from '../../node/data/builtin';
import { DataNotFoundError } from '../../node/data/paths';
import type { PoliceBase } from '../../node/london/bases';
import { baselineScenarioPath, writeBaselineStationsAndFleet } from '../../node/london/baseline';
import { SourceDataError } from '../../node/london/csv';
import type { DemandPointsFile } from '../../node/london/demand';
import { InputError } from '../errors';
import type { Command } from '../main';

const USAGE = 'data [--data DIR] [--force] [--json] [--write-baseline]';

interface DataArgs {
  dataDir?: string;
  force: boolean;
  json: boolean;
  writeBaseline: boolean;
}

function parseArgs(args: readonly string[]): DataArgs {
  const out: DataArgs = { force: false, json: false, writeBaseline: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') out.force = true;
    else if (arg === '--write-baseline') out.writeBaseline = true;
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

export const command: Command = {
  usage: USAGE,
  summary:
    'Build the built-in London data (areas, map outlines, demand points, police bases) into the cache from ../shared/data ' +
    '(or --data DIR, or $RESPONSE_SIM_DATA); --force rebuilds even when the cache is current; --write-baseline rewrites ' +
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
    const baseline = options.writeBaseline ? writeBaseline(report.files) : null;
    if (options.json) {
      const out = { built: report.built, folder: report.folder, files: report.files, manifest: report.manifest, ms: Math.round(ms), baseline };
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
      `  road graph      not built by this step yet (road routing provides it)`,
    ];
    if (baseline) lines.push(`  baseline        ${baseline.file}: stations and fleet ${baseline.changed ? 'rewritten' : 'already up to date'}`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
