/**
 * `import-osm <extract.osm.pbf> --out graph.bin [--bbox W,S,E,N] [--json]`: builds a road graph
 * for any city from an OSM extract (drivable ways, largest strongly connected component, degree-2
 * chains merged, contraction hierarchy for the default speeds) and writes it as one file that
 * `network.source` can name. Shows a progress bar on a terminal; prints a summary (nodes, edges,
 * km by class, what was dropped). A missing or unreadable extract is bad input (exit 2).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GraphFormatError } from '../../sim/roads/format';
import type { RoadGraph } from '../../sim/roads/graph';
import { fileSha256, writeGraphFile } from '../../node/osm/graph-file';
import { importOsm } from '../../node/osm/import';
import { OsmReadError } from '../../node/osm/read';
import { InputError } from '../errors';
import type { Command } from '../command';
import { progressBar } from '../progress';

const USAGE = 'import-osm <extract.osm.pbf> --out graph.bin [--bbox WEST,SOUTH,EAST,NORTH] [--json]';

interface ImportArgs {
  input: string;
  out: string;
  bbox?: [number, number, number, number];
  json: boolean;
}

function parseArgs(args: readonly string[]): ImportArgs {
  let input: string | undefined;
  let out: string | undefined;
  let bbox: [number, number, number, number] | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`import-osm: ${arg} needs a value (usage: ${USAGE})`);
      return v;
    };
    if (arg === '--out') out = value();
    else if (arg === '--json') json = true;
    else if (arg === '--bbox') {
      const text = value();
      const parts = text.split(',').map(Number);
      const [w, s, e, n] = parts as [number, number, number, number];
      if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) || !(e > w && n > s)) {
        throw new InputError(`import-osm: --bbox expects WEST,SOUTH,EAST,NORTH in degrees with WEST < EAST and SOUTH < NORTH, got '${text}'`);
      }
      bbox = [w, s, e, n];
    } else if (arg.startsWith('--')) throw new InputError(`import-osm: unknown option '${arg}' (usage: ${USAGE})`);
    else if (input === undefined) input = arg;
    else throw new InputError(`import-osm: one extract at a time, got '${input}' and '${arg}'`);
  }
  if (input === undefined) throw new InputError(`import-osm: which extract? (usage: ${USAGE})`);
  if (out === undefined) throw new InputError(`import-osm: --out graph.bin is required (usage: ${USAGE})`);
  if (!existsSync(input)) throw new InputError(`import-osm: ${input}: no such file`);
  return { input, out, bbox, json };
}

/** The summary lines of a built graph. */
export function summaryLines(graph: RoadGraph): string[] {
  const s = graph.meta.stats;
  const classes = Object.entries(s.kmByClass).sort((a, b) => b[1] - a[1]);
  const totalKm = classes.reduce((sum, [, km]) => sum + km, 0);
  return [
    `  nodes    ${s.nodes.toLocaleString('en-GB')}`,
    `  edges    ${s.edges.toLocaleString('en-GB')} directed (${s.roads.toLocaleString('en-GB')} roads, ${s.mergedNodes.toLocaleString('en-GB')} degree-2 nodes merged)`,
    `  km       ${totalKm.toFixed(0)} in all`,
    ...classes.map(([name, km]) => `    ${name.padEnd(16)}${km.toFixed(1).padStart(10)}`),
    `  dropped  ${s.dropped.components.toLocaleString('en-GB')} parts outside the largest strongly connected component: ` +
      `${s.dropped.nodes.toLocaleString('en-GB')} nodes, ${s.dropped.roads.toLocaleString('en-GB')} roads, ${s.dropped.km.toFixed(1)} km; ` +
      `${s.skippedWays} ways skipped`,
  ];
}

export const command: Command = {
  usage: USAGE,
  summary:
    'Build a road graph from an OpenStreetMap extract (.osm.pbf) for any city and write it as one file; ' +
    'a scenario names it in network.source. --bbox keeps only roads inside a lon/lat box.',
  async run(args) {
    const options = parseArgs(args);
    const bar = progressBar(!options.json);
    const started = performance.now();
    let graph: RoadGraph;
    try {
      graph = await importOsm([options.input], {
        sources: [`${path.basename(options.input)} sha256:${fileSha256(options.input)}`],
        bbox: options.bbox,
        progress: bar.update,
      });
    } catch (error) {
      bar.done();
      if (error instanceof OsmReadError || error instanceof GraphFormatError) throw new InputError(`import-osm: ${error.message}`);
      throw error;
    }
    bar.done();
    if (graph.nodeCount === 0) throw new InputError(`import-osm: ${options.input}: no drivable roads found${options.bbox ? ' inside the box' : ''}`);
    writeGraphFile(options.out, graph);
    const seconds = (performance.now() - started) / 1000;
    if (options.json) {
      process.stdout.write(JSON.stringify({ out: path.resolve(options.out), seconds, meta: graph.meta }, null, 2) + '\n');
      return 0;
    }
    process.stdout.write([`Road graph written to ${options.out} in ${seconds.toFixed(1)} s`, ...summaryLines(graph)].join('\n') + '\n');
    return 0;
  },
};
