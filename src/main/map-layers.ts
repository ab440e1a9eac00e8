/**
 * The desktop's `mapLayers` call: the display outlines of a built-in area set, read from the
 * London data step's cache (src/node/data/builtin.ts) with the attribution of its manifest. The
 * cache is found through an injected function, so this runs in plain Node tests.
 */
import { readFile } from 'node:fs/promises';
import type { BuiltinData } from '../node/data/builtin';
import type { MapFeatureCollection, MapLayersOutcome } from '../shared/protocol';

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

/**
 * Reads the outlines of `source`. Every failure is a value with a message naming the set or the
 * file (the data not found, a damaged cache file).
 */
export async function readMapLayers(source: string, builtin: () => Promise<BuiltinData>): Promise<MapLayersOutcome> {
  if (!(MAP_SOURCES as readonly string[]).includes(source)) {
    return { ok: false, message: `no built-in outlines for "${source}" (known: ${MAP_SOURCES.join(', ')})` };
  }
  try {
    const files = await builtin();
    const [areas, bcus, manifest] = await Promise.all([readJson(files.areasDisplay), readJson(files.bcuBorders), readJson(files.manifest)]);
    const attribution = (manifest as { attribution?: unknown } | null)?.attribution;
    return {
      ok: true,
      layers: {
        source,
        areas: featureCollection(areas, files.areasDisplay),
        bcus: featureCollection(bcus, files.bcuBorders),
        attribution: Array.isArray(attribution) ? attribution.filter((a): a is string => typeof a === 'string') : [],
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
