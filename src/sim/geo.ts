/**
 * Distances on the WGS84 sphere, in metres: one Earth radius and one great-circle formula for the
 * whole simulator, so that straight-line travel, road edge lengths, snap distances and lower bounds
 * agree with one another.
 */

/** Mean Earth radius in metres (IUGG), as used by the haversine formula. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat points (degrees), by the haversine formula. */
export function greatCircleM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const a = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A local equirectangular projection around `lat0`: x, y in metres. Within a city (tens of km) its
 * distances differ from great-circle ones by well under 1%, which is what snapping needs to pick
 * the nearest road; reported distances are recomputed with `greatCircleM`.
 */
export interface LocalProjection {
  readonly metresPerDegLon: number;
  readonly metresPerDegLat: number;
}

export function localProjection(lat0: number): LocalProjection {
  return {
    metresPerDegLon: EARTH_RADIUS_M * RAD * Math.cos(lat0 * RAD),
    metresPerDegLat: EARTH_RADIUS_M * RAD,
  };
}
