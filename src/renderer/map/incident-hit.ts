/** Which live incident a click on the map hit: the nearest drawn within a few pixels, or null. */
import type { LiveIncident } from '../../shared/protocol';

/** Pixels from an incident's square within which a click selects it (the square is 7 px wide). */
export const HIT_RADIUS_PX = 8;

/**
 * @param project lon/lat to the map container's pixels
 * @param x click position, container pixels
 */
export function incidentAt(
  incidents: readonly LiveIncident[],
  project: (lon: number, lat: number) => { readonly x: number; readonly y: number },
  x: number,
  y: number,
  radiusPx = HIT_RADIUS_PX,
): number | null {
  let best: number | null = null;
  let bestD2 = radiusPx * radiusPx;
  for (const inc of incidents) {
    const p = project(inc.lon, inc.lat);
    const d2 = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d2 <= bestD2) {
      best = inc.id;
      bestD2 = d2;
    }
  }
  return best;
}
