/**
 * Map copies of the areas: every area simplified for drawing, and the 12 BCUs as dissolved outlines.
 * Point-in-area work uses the full geometry (the built `areas` file), never these.
 */
import { featureCollection } from '@turf/helpers';
import { simplify } from '@turf/simplify';
import { truncate } from '@turf/truncate';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection, AreaFeature } from './boroughs';
import { LONDON_BCUS } from './bcus';

/**
 * Simplification tolerance in degrees (Douglas-Peucker): 0.0002 deg is about 14 m east-west and
 * 22 m north-south at London's latitude, finer than a borough border drawn at city zoom shows.
 */
export const DISPLAY_TOLERANCE_DEG = 0.0002;
/** Decimals kept in display coordinates: 5 = about 1 m. */
export const DISPLAY_DECIMALS = 5;

/** One dissolved BCU outline (see builtin.ts). */
export interface BcuBorderFeature {
  readonly type: 'Feature';
  readonly properties: { readonly id: string; readonly name: string; readonly areas: readonly string[] };
  readonly geometry: Polygon | MultiPolygon;
}

function forDisplay<G extends Polygon | MultiPolygon>(geometry: G): G {
  const simplified = simplify(geometry, { tolerance: DISPLAY_TOLERANCE_DEG, highQuality: false, mutate: false });
  return truncate(simplified, { precision: DISPLAY_DECIMALS, coordinates: 2, mutate: true });
}

/** The 33 areas with the same properties as the full file and simplified geometry. */
export function displayAreas(areas: AreaCollection): { type: 'FeatureCollection'; features: AreaFeature[] } {
  return {
    type: 'FeatureCollection',
    features: areas.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: forDisplay(f.geometry as Polygon | MultiPolygon) as AreaFeature['geometry'] })),
  };
}

/**
 * The 12 BCU outlines: the union of each BCU's boroughs (full geometry, so shared borders vanish
 * exactly), then simplified like the areas.
 */
export function bcuBorders(areas: AreaCollection): { type: 'FeatureCollection'; features: BcuBorderFeature[] } {
  const byId = new Map(areas.features.map((f) => [f.properties.id, f]));
  const features = LONDON_BCUS.map((bcu): BcuBorderFeature => {
    const members = bcu.areas.map((id) => {
      const f = byId.get(id);
      if (!f) throw new Error(`BCU ${bcu.id}: area ${id} is not among the built areas`);
      return { type: 'Feature', properties: {}, geometry: f.geometry } as Feature<Polygon | MultiPolygon>;
    });
    const merged = union(featureCollection(members));
    if (!merged) throw new Error(`BCU ${bcu.id}: the union of its areas is empty`);
    return { type: 'Feature', properties: { id: bcu.id, name: bcu.name, areas: bcu.areas }, geometry: forDisplay(merged.geometry) };
  });
  return { type: 'FeatureCollection', features };
}
