/**
 * Which drawn area (borough) holds a place: even-odd over every ring of the outline's Polygon or
 * MultiPolygon (holes fall out of the rule), in lon/lat degrees. The outlines are simplified for
 * drawing, so a place within metres of a border may land in its neighbour; bases are not that close.
 */
import type { MapFeatureCollection } from '../../shared/protocol';

type Ring = readonly (readonly number[])[];

function inRings(lon: number, lat: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The id and name of the area at (lon, lat), or null outside every area. */
export function areaAt(fc: MapFeatureCollection | null | undefined, lon: number, lat: number): { id: string; name: string } | null {
  for (const f of fc?.features ?? []) {
    const g = f.geometry as { type?: string; coordinates?: unknown } | null;
    if (!g || !Array.isArray(g.coordinates)) continue;
    const rings = (g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]).flat() : g.type === 'Polygon' ? (g.coordinates as Ring[]) : []) as Ring[];
    if (inRings(lon, lat, rings)) {
      const id = String(f.properties.id ?? '');
      return { id, name: String(f.properties.name ?? id) };
    }
  }
  return null;
}
