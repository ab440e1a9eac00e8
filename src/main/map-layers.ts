/**
 * The desktop's `mapLayers` call: the display outlines of a built-in area set, read from the
 * London data step's cache (src/node/data/builtin.ts) with the attribution of its manifest, and the
 * road data coverage layer (src/node/data/coverage.ts), checked against its schema. The cache is
 * found through injected functions, so this runs in plain Node tests.
 */
import { readFile } from 'node:fs/promises';
import type { BuiltinData } from '../node/data/builtin';
import { describeIssues, RoadCoverageSchema } from '../shared/ipc-schemas';
import type { MapFeatureCollection, MapLayersOutcome, RoadCoverage } from '../shared/protocol';
import { manifestHashes } from '../shared/report-export';

/** The built-in area sets with outlines. */
export const MAP_SOURCES = ['london-boroughs'] as const;

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function featureCollection(value: unknown, file: string): MapFeatureCollection {
  const v = value as { type?: unknown; features?: unknown } | null;
  if (typeof v !== 'object' || v === null || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  }
  return v as MapFeatureCollection;
}

/** A coverage layer read back from `file`; throws naming the file and the JSON path of what is wrong. */
export async function readCoverageFile(file: string): Promise<RoadCoverage> {
  const checked = RoadCoverageSchema.safeParse(await readJson(file));
  if (!checked.success) throw new Error(`${file}: not a road coverage layer of this version: ${describeIssues(checked.error)}`);
  return checked.data;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Reads the outlines of `source`, and its road coverage layer when `coverage` (which gives the
 * layer's file, building it first when needed) is passed. Every failure is a value with a message
 * naming the set or the file (the data not found, a damaged cache file); a coverage layer that
 * cannot be had leaves the outlines served, with `coverageError` saying why.
 */
export async function readMapLayers(source: string, builtin: () => Promise<BuiltinData>, coverage?: () => Promise<string>): Promise<MapLayersOutcome> {
  if (!(MAP_SOURCES as readonly string[]).includes(source)) {
    return { ok: false, message: `no built-in outlines for "${source}" (known: ${MAP_SOURCES.join(', ')})` };
  }
  try {
    const files = await builtin();
    const [areas, bcus, manifest] = await Promise.all([readJson(files.areasDisplay), readJson(files.bcuBorders), readJson(files.manifest)]);
    const attribution = (manifest as { attribution?: unknown } | null)?.attribution;
    let layer: { coverage: RoadCoverage | null; coverageError: string | null } = { coverage: null, coverageError: null };
    if (coverage) {
      try {
        layer = { coverage: await readCoverageFile(await coverage()), coverageError: null };
      } catch (error) {
        layer = { coverage: null, coverageError: messageOf(error) };
      }
    }
    return {
      ok: true,
      layers: {
        source,
        areas: featureCollection(areas, files.areasDisplay),
        bcus: featureCollection(bcus, files.bcuBorders),
        attribution: Array.isArray(attribution) ? attribution.filter((a): a is string => typeof a === 'string') : [],
        dataHashes: manifestHashes(manifest),
        ...layer,
      },
    };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
