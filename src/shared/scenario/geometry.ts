/**
 * GeoJSON area geometry checked before anything computes with it (turf, flatbush): Polygon and
 * MultiPolygon coordinates as RFC 7946 gives them, each position two or three finite numbers,
 * longitude and latitude in range, each ring at least four positions. The first problem is
 * reported with its path under `coordinates` (a broken file has it everywhere: one is enough).
 */

export interface CoordinateProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

function position(p: unknown, path: (string | number)[]): CoordinateProblem | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return { path, message: 'expected a position [longitude, latitude]' };
  if (p.some((x) => typeof x === 'string')) return { path, message: 'expected a position of numbers [longitude, latitude], not strings' };
  if (!p.every((x) => typeof x === 'number' && Number.isFinite(x))) return { path, message: 'expected a position of finite numbers [longitude, latitude]' };
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180) return { path: [...path, 0], message: `expected a longitude from -180 to 180, got ${lon}` };
  if (lat! < -90 || lat! > 90) return { path: [...path, 1], message: `expected a latitude from -90 to 90, got ${lat}` };
  return null;
}

function polygon(rings: unknown, path: (string | number)[]): CoordinateProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return { path, message: 'expected a polygon: a non-empty array of rings' };
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    if (!Array.isArray(ring) || ring.length < 4) {
      return { path: [...path, r], message: 'expected a ring of at least four positions (the last the same as the first)' };
    }
    for (let k = 0; k < ring.length; k++) {
      const bad = position(ring[k], [...path, r, k]);
      if (bad) return bad;
    }
  }
  return null;
}

/** The first problem of `coordinates` of a geometry of `type`, or null. */
export function coordinateProblem(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): CoordinateProblem | null {
  if (type === 'Polygon') return polygon(coordinates, []);
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { path: [], message: 'expected a MultiPolygon: a non-empty array of polygons' };
  for (let i = 0; i < coordinates.length; i++) {
    const bad = polygon(coordinates[i], [i]);
    if (bad) return bad;
  }
  return null;
}
