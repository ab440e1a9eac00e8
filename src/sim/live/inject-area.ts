/**
 * Where a trainer may inject an incident: inside the modelled area (docs/MODEL-ADDITIONS.md
 * "Trainer's actions in live mode"). With areas (London's 33), inside one of them; without, within
 * the box around the scenario's demand points and stations grown by `MARGIN_M` on each side (the
 * place the scenario models, and a little around it). A place outside is refused with the reason.
 */
import type { SimState } from '../model/state';

/** Metres the box of a scenario without areas is grown by on each side. */
export const MARGIN_M = 10_000;

const M_PER_DEG_LAT = 111_320;

/** Why an incident at (lon, lat) cannot be injected; null when it can. */
export function outsideModelledArea(sim: SimState, lon: number, lat: number): string | null {
  const place = `${lon.toFixed(5)}, ${lat.toFixed(5)}`;
  const areas = sim.world.areas;
  if (areas) {
    if (areas.locate(lon, lat) >= 0) return null;
    return `${place} is outside the modelled area: it lies in none of the scenario's ${areas.ids.length} areas`;
  }
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (x: number, y: number) => {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  };
  const points = sim.world.points;
  if (points) for (let i = 0; i < points.lon.length; i++) add(points.lon[i]!, points.lat[i]!);
  for (const st of sim.fleet.stations) add(st.place.lon, st.place.lat);
  if (!Number.isFinite(w)) return null;
  const dLat = MARGIN_M / M_PER_DEG_LAT;
  const dLon = MARGIN_M / (M_PER_DEG_LAT * Math.max(0.1, Math.cos((((s + n) / 2) * Math.PI) / 180)));
  if (lon >= w - dLon && lon <= e + dLon && lat >= s - dLat && lat <= n + dLat) return null;
  return `${place} is outside the modelled area: more than ${MARGIN_M / 1000} km beyond the scenario's demand points and stations`;
}
