/**
 * Lenient readers of raw scenario JSON shared by the workbench's edits: a field of the wrong type
 * counts as absent (the file was validated when opened; edits must never throw on what they read).
 */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Great-circle metres (haversine, the simulator's Earth radius) between two lon/lat points. */
export function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((lat2 - lat1) * rad) / 2);
  const t = Math.sin(((lon2 - lon1) * rad) / 2);
  const a = s * s + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * t * t;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** One of 8 compass words for the way from the first point to the second ("north-east"). */
export function compassWord(lon1: number, lat1: number, lon2: number, lat2: number): string {
  const dx = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const dy = lat2 - lat1;
  const deg = (Math.atan2(dx, dy) * 180) / Math.PI;
  const words = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];
  return words[(Math.round(deg / 45) + 8) % 8]!;
}
