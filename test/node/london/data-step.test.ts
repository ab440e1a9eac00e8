/**
 * The London data step on the real data in ../shared/data (or $RESPONSE_SIM_DATA): what the
 * simulator and the map are promised by src/node/data/builtin.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinDataReport, type EnsureReport } from '../../../src/node/data/builtin';
import { CACHE_ENV, londonDataDir } from '../../../src/node/data/paths';
import type { PoliceBase } from '../../../src/node/london/bases';
import { CITY_OF_LONDON, LONDON_BCUS } from '../../../src/node/london/bcus';
import type { AreaCollection } from '../../../src/node/london/boroughs';
import type { DemandPointsFile } from '../../../src/node/london/demand';
import { areaLocator } from '../../../src/node/london/geo';

let cache: string;
let report: EnsureReport;
let areas: AreaCollection;
let points: DemandPointsFile;
let bases: PoliceBase[];

beforeAll(() => {
  cache = mkdtempSync(path.join(os.tmpdir(), 'london-cache-'));
  report = ensureBuiltinDataReport({ dataDir: londonDataDir(), env: { ...process.env, [CACHE_ENV]: cache } });
  areas = JSON.parse(readFileSync(report.files.areas, 'utf8')) as AreaCollection;
  points = JSON.parse(readFileSync(report.files.points, 'utf8')) as DemandPointsFile;
  bases = (JSON.parse(readFileSync(report.files.bases, 'utf8')) as { bases: PoliceBase[] }).bases;
});

afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('London areas', () => {
  it('are the 33 London areas with unique GSS codes and names', () => {
    expect(areas.features, 'areas').toHaveLength(33);
    const ids = areas.features.map((f) => f.properties.id);
    expect(new Set(ids).size, 'unique GSS codes').toBe(33);
    for (const id of ids) expect(id, 'GSS code shape').toMatch(/^E09\d{6}$/);
    const names = areas.features.map((f) => f.properties.name);
    expect(names).toContain('Westminster');
    expect(names).toContain('City of London');
    expect(names).toContain('Barking and Dagenham');
  });

  it('put each of the 32 Met boroughs in exactly one of the 12 BCUs and the City of London in none', () => {
    expect(LONDON_BCUS, 'BCUs').toHaveLength(12);
    const bcuCount = new Map<string, number>();
    for (const bcu of LONDON_BCUS) for (const id of bcu.areas) bcuCount.set(id, (bcuCount.get(id) ?? 0) + 1);
    for (const f of areas.features) {
      const { id, name, bcu, force } = f.properties;
      if (id === CITY_OF_LONDON) {
        expect(bcu, 'City of London BCU').toBeNull();
        expect(force).toBe('CoLP');
        expect(bcuCount.get(id), 'City of London in a BCU group').toBeUndefined();
      } else {
        expect(bcuCount.get(id), `${name} (${id}) BCU memberships`).toBe(1);
        expect(bcu, `${name} BCU property`).toBe(LONDON_BCUS.find((b) => b.areas.includes(id))!.id);
        expect(force).toBe('MPS');
      }
    }
    expect([...bcuCount.keys()].length, 'boroughs in BCUs').toBe(32);
  });

  it('follow the issue text for a few BCUs', () => {
    const byName = new Map(areas.features.map((f) => [f.properties.name, f.properties.bcu]));
    expect(byName.get('Westminster')).toBe('CW');
    expect(byName.get('Hackney')).toBe('CE');
    expect(byName.get('Lambeth')).toBe('AS');
    expect(byName.get('Havering')).toBe('EA');
    expect(byName.get('Richmond upon Thames')).toBe('SW');
    expect(byName.get('Hounslow')).toBe('AW');
    expect(byName.get('Harrow')).toBe('NW');
  });

  it('have a display copy small enough for the map and 12 dissolved BCU outlines', () => {
    const display = JSON.parse(readFileSync(report.files.areasDisplay, 'utf8')) as AreaCollection;
    expect(display.features.map((f) => f.properties)).toEqual(areas.features.map((f) => f.properties));
    expect(report.manifest.files['areas-display.geojson'], 'display bytes').toBeLessThan(400_000);
    expect(report.manifest.files['areas-display.geojson']!, 'display smaller than full').toBeLessThan(report.manifest.files['areas.geojson']! / 4);
    const borders = JSON.parse(readFileSync(report.files.bcuBorders, 'utf8')) as { features: { properties: { id: string; areas: string[] }; geometry: { type: string } }[] };
    expect(borders.features.map((f) => f.properties.id).sort()).toEqual(LONDON_BCUS.map((b) => b.id).sort());
    for (const f of borders.features) expect(['Polygon', 'MultiPolygon'], `BCU ${f.properties.id} geometry`).toContain(f.geometry.type);
    // Central West is three contiguous boroughs north of the river: one outline, no internal borders.
    expect(borders.features.find((f) => f.properties.id === 'CW')!.geometry.type).toBe('Polygon');
  });
});

describe('London demand points', () => {
  it('are the 4,835 LSOA points with parallel arrays', () => {
    const n = points.label.length;
    expect(n).toBe(4835);
    for (const key of ['lon', 'lat', 'weight', 'area'] as const) expect(points[key], key).toHaveLength(n);
    expect(new Set(points.label).size, 'unique LSOA codes').toBe(n);
  });

  it('have non-negative weights summing to 1, and none in the City of London', () => {
    const sum = points.weight.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1), `sum of weights ${sum}`).toBeLessThan(1e-9);
    expect(points.weight.every((w) => w >= 0), 'weights >= 0').toBe(true);
    const city = points.weight.filter((_, i) => points.area[i] === CITY_OF_LONDON);
    expect(city.length, 'City of London LSOAs').toBeGreaterThan(0);
    expect(city.every((w) => w === 0), 'City of London weight').toBe(true);
    const met = points.weight.filter((_, i) => points.area[i] !== CITY_OF_LONDON);
    expect(met.every((w) => w > 0), 'every Met LSOA has some demand (population share)').toBe(true);
  });

  it('weigh busy central boroughs above quiet outer ones', () => {
    const share = (gss: string) => points.weight.reduce((a, w, i) => (points.area[i] === gss ? a + w : a), 0);
    expect(share('E09000033'), 'Westminster vs Kingston').toBeGreaterThan(2 * share('E09000021'));
  });

  it('lie in their own borough for nearly all LSOAs (ONS points vs GLA outlines)', () => {
    const locator = areaLocator(areas);
    const index = new Map(areas.features.map((f, i) => [f.properties.id, i]));
    let outside = 0;
    for (let i = 0; i < points.label.length; i++) if (!locator.contains(index.get(points.area[i]!)!, points.lon[i]!, points.lat[i]!)) outside++;
    // The borough outlines exclude the Thames foreshore; a handful of riverside points may fall just outside.
    expect(outside, 'LSOA points outside their borough outline').toBeLessThan(10);
  });
});

describe('London police bases', () => {
  it('keep only Met sites: no British Transport Police, City of London Police, parks police or closed sites', () => {
    for (const b of bases) {
      expect(b.name, 'kept base').not.toMatch(/British Transport|City of London Police|Park[s]? Police|CLOSED/i);
      expect(b.area, `${b.name} area`).not.toBe(CITY_OF_LONDON);
    }
    const dropped = (JSON.parse(readFileSync(report.files.bases, 'utf8')) as { dropped: { name: string; reason: string }[] }).dropped;
    expect(dropped.map((d) => d.name)).toEqual(expect.arrayContaining(['British Transport Police', 'Bishopsgate Police Station', 'Old Police Station (CLOSED)', 'Parks Police']));
  });

  it('give every Met borough at least one base, each inside its own borough', () => {
    const locator = areaLocator(areas);
    const index = new Map(areas.features.map((f, i) => [f.properties.id, i]));
    for (const b of bases) {
      expect(locator.contains(index.get(b.area)!, b.lon, b.lat), `${b.id} inside ${b.area}`).toBe(true);
      expect(b.bcu, `${b.id} BCU`).toBe(areas.features[index.get(b.area)!]!.properties.bcu);
    }
    const covered = new Set(bases.map((b) => b.area));
    for (const f of areas.features) {
      if (f.properties.force === 'MPS') expect(covered.has(f.properties.id), `${f.properties.name} has a base`).toBe(true);
    }
    expect(new Set(bases.map((b) => b.id)).size, 'unique base ids').toBe(bases.length);
  });

  it('mark every base that is not a real station as synthetic, with the reason', () => {
    const synthetic = bases.filter((b) => b.synthetic);
    expect(synthetic.length, 'synthetic bases').toBeGreaterThan(0);
    for (const b of synthetic) {
      expect(b.kind).toBe('synthetic');
      expect(b.note, `${b.id} note`).toMatch(/No Met site in .* placed/);
    }
    for (const b of bases.filter((x) => !x.synthetic)) expect(b.note, `${b.id} has no note`).toBeUndefined();
    // The partial OSM list has no Met site in these boroughs (see ../shared/data/README.md).
    const names = new Set(synthetic.map((b) => b.area));
    expect(names.has('E09000012'), 'Hackney synthetic').toBe(true);
    expect(names.has('E09000028'), 'Southwark synthetic').toBe(true);
  });
});
