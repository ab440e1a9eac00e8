/**
 * The desktop's `mapLayers` with the road data coverage layer: read from the file the coverage step
 * names, checked against its schema; a layer that cannot be had leaves the outlines served and says
 * why, naming the file and the JSON path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCoverageFile, readMapLayers } from '../../src/main/map-layers';
import type { BuiltinData } from '../../src/node/data/builtin';
import { tinyCoverage } from '../renderer/map/coverage-fixture';

function outlines(dir: string): BuiltinData {
  const file = (name: string, value: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, JSON.stringify(value));
    return p;
  };
  const fc = { type: 'FeatureCollection', features: [] };
  return {
    areas: file('areas.geojson', fc),
    areasDisplay: file('areas-display.geojson', fc),
    bcuBorders: file('bcu-borders.geojson', fc),
    points: file('demand-points.json', {}),
    bases: file('police-bases.json', {}),
    manifest: file('manifest.json', { attribution: ['Contains OS data'] }),
  };
}

describe('readMapLayers with the road coverage layer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-coverage-layers-'));
  const files = outlines(dir);
  const coverageFile = path.join(dir, 'london-0123.json');

  it('serves the layer beside the outlines', async () => {
    writeFileSync(coverageFile, JSON.stringify(tinyCoverage()));
    const outcome = await readMapLayers('london-boroughs', async () => files, async () => coverageFile);
    expect(outcome.ok && outcome.layers.coverage).toEqual(tinyCoverage());
    expect(outcome.ok && outcome.layers.coverageError).toBeNull();
    expect(outcome.ok && outcome.layers.attribution).toEqual(['Contains OS data']);
  });

  it('keeps the outlines when the layer cannot be built, and passes on why', async () => {
    const outcome = await readMapLayers('london-boroughs', async () => files, () => Promise.reject(new Error('London data incomplete in /x: missing roads/osm_east_london_main_roads.osm.pbf.')));
    expect(outcome.ok, 'the outlines are served').toBe(true);
    expect(outcome.ok && outcome.layers.coverage).toBeNull();
    expect(outcome.ok && outcome.layers.coverageError).toBe('London data incomplete in /x: missing roads/osm_east_london_main_roads.osm.pbf.');
  });

  it('names the file and the JSON path of a damaged layer', async () => {
    writeFileSync(coverageFile, JSON.stringify({ ...tinyCoverage(), cols: 5 }));
    await expect(readCoverageFile(coverageFile)).rejects.toThrow(`${coverageFile}: not a road coverage layer of this version: distanceM: expected cols x rows = 15 values, got 12`);
    const ea = tinyCoverage().demand.byBcu[1]!;
    writeFileSync(coverageFile, JSON.stringify({ ...tinyCoverage(), demand: { london: tinyCoverage().demand.london, byBcu: [{ ...ea, farSharePct: 180 }] } }));
    const outcome = await readMapLayers('london-boroughs', async () => files, async () => coverageFile);
    expect(outcome.ok && outcome.layers.coverageError).toBe(`${coverageFile}: not a road coverage layer of this version: demand.byBcu[0].farSharePct: Too big: expected number to be <=100`);
    writeFileSync(coverageFile, '{"schemaVersion": 1,');
    await expect(readCoverageFile(coverageFile)).rejects.toThrow(`${coverageFile}: not JSON`);
  });

  it('asks for no layer for a set it has no outlines for', async () => {
    let asked = false;
    const outcome = await readMapLayers('paris', async () => files, async () => {
      asked = true;
      return coverageFile;
    });
    expect(outcome).toEqual({ ok: false, message: 'no built-in outlines for "paris" (known: london-boroughs)' });
    expect(asked).toBe(false);
  });
});
