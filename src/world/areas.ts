/**
 * An AreaSet (src/sim/world.ts) from GeoJSON polygons: ids and names from feature properties,
 * BCUs from `areas.groups`, land area in km2, point-in-area by a flatbush index of bounding
 * boxes and turf's booleanPointInPolygon, and uniform points inside an area by rejection from its
 * bounding box using the caller's uniform stream.
 */
import Flatbush from 'flatbush';
// The turf modules one by one: all of @turf/turf costs ~220 ms CPU to load in every sim worker (2026-12-07).
import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ScenarioIssue } from '../shared/scenario';
import type { AreaSet } from '../sim/world';

/** What an area data set must be: polygons with an id and a name property. */
export interface AreaFeatures {
  readonly type: 'FeatureCollection';
  readonly features: readonly { type: 'Feature'; properties: Record<string, unknown> | null; geometry: unknown }[];
}

export interface AreaOptions {
  readonly idProperty: string;
  readonly nameProperty: string;
  /** BCU id -> area ids. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  /** JSON path of the source, for messages (e.g. `areas.source`). */
  readonly path: string;
}

/** Tries per sample before giving up on an area (its bbox would have to be >99.9% empty). */
const MAX_TRIES = 10000;

type PolyFeature = Feature<Polygon | MultiPolygon>;

class GeoAreaSet implements AreaSet {
  constructor(
    readonly ids: string[],
    readonly names: string[],
    readonly bcus: (string | null)[],
    readonly areaKm2: number[],
    readonly notes: (string | null)[],
    readonly bounds: [number, number, number, number],
    private readonly features: PolyFeature[],
    private readonly boxes: [number, number, number, number][],
    private readonly index: Flatbush,
  ) {}

  locate(lon: number, lat: number): number {
    const hits = this.index.search(lon, lat, lon, lat).sort((a, b) => a - b);
    for (const i of hits) if (booleanPointInPolygon([lon, lat], this.features[i]!)) return i;
    return -1;
  }

  samplePoint(i: number, uniform: () => number): { lon: number; lat: number } {
    const [w, s, e, n] = this.boxes[i]!;
    for (let k = 0; k < MAX_TRIES; k++) {
      const lon = w + (e - w) * uniform();
      const lat = s + (n - s) * uniform();
      if (booleanPointInPolygon([lon, lat], this.features[i]!)) return { lon, lat };
    }
    throw new Error(`area "${this.ids[i]}": no point found inside it in ${MAX_TRIES} tries (is its polygon empty?)`);
  }
}

/** Builds the AreaSet, or lists every problem of the features and groups. */
export function buildAreaSet(fc: AreaFeatures, options: AreaOptions): { ok: true; areas: AreaSet } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const notes: (string | null)[] = [];
  const features: PolyFeature[] = [];
  fc.features.forEach((f, i) => {
    const path = `${options.path}.features[${i}]`;
    const props = f.properties ?? {};
    const id = props[options.idProperty];
    const name = props[options.nameProperty];
    const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (typeof id !== 'string' && typeof id !== 'number') issues.push({ path: `${path}.properties.${options.idProperty}`, message: 'required: the area id (a string)' });
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates)) {
      issues.push({ path: `${path}.geometry`, message: 'expected a Polygon or MultiPolygon' });
    }
    ids.push(String(id));
    names.push(typeof name === 'string' ? name : String(id));
    notes.push(typeof props['note'] === 'string' && props['note'] !== '' ? props['note'] : null);
    features.push(f as unknown as PolyFeature);
  });
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.push({ path: `${options.path}.features[${i}]`, message: `area id "${id}" is used by features ${seen.get(id)} and ${i}` });
    seen.set(id, i);
  });
  const bcus: (string | null)[] = ids.map(() => null);
  for (const [bcu, members] of Object.entries(options.groups)) {
    members.forEach((id, k) => {
      const i = seen.get(id);
      const path = `areas.groups.${bcu}[${k}]`;
      if (i === undefined) issues.push({ path, message: `unknown area "${id}"` });
      else if (bcus[i] !== null) issues.push({ path, message: `area "${id}" is already in BCU "${bcus[i]}"` });
      else bcus[i] = bcu;
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const boxes = features.map((f) => turfBbox(f) as [number, number, number, number]);
  const index = new Flatbush(Math.max(1, features.length));
  for (const [w, s, e, n] of boxes) index.add(w, s, e, n);
  index.finish();
  const km2 = features.map((f) => turfArea(f) / 1e6);
  km2.forEach((a, i) => {
    if (!(a > 0)) issues.push({ path: `${options.path}.features[${i}].geometry`, message: `area "${ids[i]}" has no area (its polygon is degenerate: all its points on one line or one spot)` });
  });
  if (issues.length > 0) return { ok: false, issues };
  const bounds = boxes.reduce<[number, number, number, number]>((b, [w, s, e, n]) => [Math.min(b[0], w), Math.min(b[1], s), Math.max(b[2], e), Math.max(b[3], n)], [Infinity, Infinity, -Infinity, -Infinity]);
  return { ok: true, areas: new GeoAreaSet(ids, names, bcus, km2, notes, bounds, features, boxes, index) };
}
