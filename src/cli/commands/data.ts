/**
 * `npm run data` (= `response-sim data`): builds the built-in London data into the cache (or finds
 * it there) and prints what it holds. Missing or malformed source data is bad input (exit 2).
 */
import { ensureBuiltinDataReport } from '../../node/data/builtin';
import { DataNotFoundError } from '../../node/data/paths';
import { SourceDataError } from '../../node/london/csv';
import type { Command } from '../main';
import { InputError } from '../errors';

const USAGE = 'data [--data DIR] [--force] [--json]';

function parseArgs(args: readonly string[]): { dataDir?: string; force: boolean; json: boolean } {
  const out: { dataDir?: string; force: boolean; json: boolean } = { force: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') out.force = true;
    else if (arg === '--json') out.json = true;
    else if (arg === '--data') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new InputError(`data: --data needs a folder (usage: ${USAGE})`);
      out.dataDir = value;
    } else throw new InputError(`data: unknown argument '${arg}' (usage: ${USAGE})`);
  }
  return out;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export const command: Command = {
  usage: USAGE,
  summary:
    'Build the built-in London data (areas, map outlines, demand points, police bases) into the cache from ../shared/data ' +
    '(or --data DIR, or $RESPONSE_SIM_DATA); --force rebuilds even when the cache is current.',
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
    if (options.json) {
      process.stdout.write(JSON.stringify({ built: report.built, folder: report.folder, files: report.files, manifest: report.manifest, ms: Math.round(ms) }, null, 2) + '\n');
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
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
