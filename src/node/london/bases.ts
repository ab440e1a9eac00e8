/**
 * Police bases for the built-in London: the Met sites among the OpenStreetMap police points
 * (stations/police_osm_partial.csv, a partial list), plus one synthetic base in every Met borough
 * that has none there.
 *
 * Kept: kinds `police_station` and `sn_team_base` (Safer Neighbourhood team bases are Met sites).
 * Dropped, with the reason recorded in the build summary: British Transport Police, City of London
 * Police, Royal Parks police, closed sites, and `other` (a security office and a records office:
 * no response teams work from them).
 *
 * A synthetic base sits at the borough's demand-weighted centre when that lies inside the borough,
 * else at the borough's demand point nearest to it (an LSOA point on surface, inside the borough).
 */
import type { AreaCollection } from './boroughs';
import { CITY_OF_LONDON } from './bcus';
import { numberField, parseCsv, SourceDataError } from './csv';
import type { DemandPointsFile } from './demand';
import { areaLocator } from './geo';

/** One built police base (see builtin.ts); the baseline scenario's `stations` carry these. */
export interface PoliceBase {
  /** Stable id, derived from the name (and borough when names repeat). */
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  /** GSS code of the borough containing the base. */
  readonly area: string;
  /** BCU of that borough. */
  readonly bcu: string;
  /** The OSM-derived kind (`police_station`, `sn_team_base`) or `synthetic`. */
  readonly kind: 'police_station' | 'sn_team_base' | 'synthetic';
  /** True when the base is not a real station but placed by the data step. */
  readonly synthetic: boolean;
  /** Why a synthetic base exists (absent for real sites). */
  readonly note?: string;
}

export interface DroppedSite {
  readonly name: string;
  readonly borough: string;
  readonly reason: string;
}

const KEEP = new Set(['police_station', 'sn_team_base']);
const DROP_REASONS: Readonly<Record<string, string>> = {
  btp: 'British Transport Police, not the Met',
  city_of_london_police: 'City of London Police, not the Met',
  parks_police: 'Royal Parks police, not a Met response base',
  closed: 'closed',
  other: 'not a police response base (office)',
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface BaseSources {
  readonly police: { text: string; file: string };
}

/**
 * Builds the bases. `areas` must be the built areas (with `bcu`), `points` the built demand points
 * (used to place synthetic bases).
 */
export function buildPoliceBases(
  sources: BaseSources,
  areas: AreaCollection,
  points: DemandPointsFile,
): { bases: PoliceBase[]; dropped: DroppedSite[] } {
  const table = parseCsv(sources.police.text, sources.police.file, ['name', 'lat', 'lon', 'borough', 'borough_gss', 'kind']);
  const locator = areaLocator(areas);
  const indexOf = new Map(areas.features.map((f, i) => [f.properties.id, i]));
  const kept: Omit<PoliceBase, 'id'>[] = [];
  const dropped: DroppedSite[] = [];

  table.rows.forEach((row, i) => {
    const kind = row.kind!;
    const name = row.name!.trim();
    if (!KEEP.has(kind)) {
      const reason = DROP_REASONS[kind];
      if (!reason) throw new SourceDataError(`${table.file}: record ${i + 2}, column kind: unknown kind ${JSON.stringify(kind)}`);
      dropped.push({ name, borough: row.borough!, reason });
      return;
    }
    const lon = numberField(table, i, 'lon', { min: -180, max: 180 });
    const lat = numberField(table, i, 'lat', { min: -90, max: 90 });
    const located = locator.locate(lon, lat);
    if (located < 0) throw new SourceDataError(`${table.file}: record ${i + 2}: ${name} (${lon}, ${lat}) lies in none of the London areas`);
    const area = areas.features[located]!.properties;
    if (area.id !== row.borough_gss) {
      throw new SourceDataError(`${table.file}: record ${i + 2}: ${name} lies in ${area.name} (${area.id}), but the file says ${row.borough_gss}`);
    }
    if (area.id === CITY_OF_LONDON || area.bcu === null) {
      dropped.push({ name, borough: row.borough!, reason: 'in the City of London, where the City of London Police answers' });
      return;
    }
    kept.push({ name, lon, lat, area: area.id, bcu: area.bcu, kind: kind as 'police_station' | 'sn_team_base', synthetic: false });
  });

  const covered = new Set(kept.map((b) => b.area));
  for (const feature of areas.features) {
    const { id, name, bcu } = feature.properties;
    if (bcu === null || covered.has(id)) continue;
    const place = demandCentre(id, points, (lon, lat) => locator.contains(indexOf.get(id)!, lon, lat));
    kept.push({
      name: `${name} (synthetic base)`,
      lon: place.lon,
      lat: place.lat,
      area: id,
      bcu,
      kind: 'synthetic',
      synthetic: true,
      note:
        `No Met site in ${name} in the partial OpenStreetMap police list (stations/police_osm_partial.csv); ` +
        `placed ${place.how} so that the borough has a base.`,
    });
  }

  kept.sort((a, b) => (a.area === b.area ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.area < b.area ? -1 : 1));
  const slugCount = new Map<string, number>();
  for (const b of kept) slugCount.set(slug(b.name), (slugCount.get(slug(b.name)) ?? 0) + 1);
  const bases = kept.map((b) => {
    const base = slug(b.name);
    const areaName = areas.features[indexOf.get(b.area)!]!.properties.name;
    const id = slugCount.get(base)! > 1 ? `${base}-${slug(areaName)}` : base;
    return { id, ...b };
  });
  const ids = new Set(bases.map((b) => b.id));
  if (ids.size !== bases.length) throw new SourceDataError(`${table.file}: two bases get the same id; names repeat within a borough`);
  return { bases, dropped };
}

/** The demand-weighted centre of an area, moved onto its nearest demand point when it falls outside. */
function demandCentre(
  area: string,
  points: DemandPointsFile,
  inside: (lon: number, lat: number) => boolean,
): { lon: number; lat: number; how: string } {
  let sw = 0;
  let slon = 0;
  let slat = 0;
  const members: number[] = [];
  for (let i = 0; i < points.label.length; i++) {
    if (points.area[i] !== area) continue;
    members.push(i);
    const w = points.weight[i]!;
    sw += w;
    slon += w * points.lon[i]!;
    slat += w * points.lat[i]!;
  }
  if (members.length === 0 || sw <= 0) throw new SourceDataError(`no demand points in area ${area}: cannot place a synthetic base`);
  const centre = { lon: slon / sw, lat: slat / sw };
  if (inside(centre.lon, centre.lat)) {
    return { lon: round6(centre.lon), lat: round6(centre.lat), how: "at the borough's demand-weighted centre" };
  }
  // Nearest inside demand point; metres on a local equirectangular projection are enough here.
  const kx = Math.cos((centre.lat * Math.PI) / 180);
  let best = -1;
  let bestD = Infinity;
  for (const i of members) {
    const dx = (points.lon[i]! - centre.lon) * kx;
    const dy = points.lat[i]! - centre.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD && inside(points.lon[i]!, points.lat[i]!)) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0) throw new SourceDataError(`no demand point of area ${area} lies inside its boundary: cannot place a synthetic base`);
  return {
    lon: points.lon[best]!,
    lat: points.lat[best]!,
    how: `at the demand point (LSOA ${points.label[best]}) nearest the borough's demand-weighted centre, which lies outside the borough`,
  };
}

/** Six decimals of a degree: about 0.1 m, the precision of the source files. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
