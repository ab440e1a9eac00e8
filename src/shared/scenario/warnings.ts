/**
 * Warnings: values that are legal but that a planner should look at twice (docs/MODEL-ADDITIONS.md
 * "Warnings"). A scenario with warnings runs; each warning has a code, the JSON path and a message.
 * Pure: the command line, the app and the reports all call this.
 */
import { hasControlCharacters } from '../printable';
import { formatPath } from './issues';
import type { Scenario } from './schema';
import { weekdayOf } from './calendar';

export type WarningCode =
  | 'place-far-outside'
  | 'lat-lon-swapped'
  | 'unit-cover-gap'
  | 'call-taker-cover-gap'
  | 'speed-implausible'
  | 'start-in-clock-change'
  | 'control-characters';

export interface ScenarioWarning {
  readonly code: WarningCode;
  readonly path: string;
  readonly message: string;
}

/** West, south, east, north in degrees: where the scenario's areas and demand are. */
export type Bounds = readonly [number, number, number, number];

/** A place further than this from the scenario's areas and demand is "far outside". */
export const FAR_KM = 50;
/** Speeds a road vehicle keeps up (km/h); outside them travel.* speeds warn. */
export const ROAD_SPEED_KPH = { min: 3, max: 250 } as const;
/** At most this many warnings of one code (a file with a thousand bad points says so once per place up to this). */
const PER_CODE = 10;

/** Every warning of `s`; `bounds` (from the built world: areas and demand points) sharpens the place checks. */
export function scenarioWarnings(s: Scenario, bounds: Bounds | null = null): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const counts = new Map<WarningCode, number>();
  const add = (code: WarningCode, path: string, message: string) => {
    const n = counts.get(code) ?? 0;
    counts.set(code, n + 1);
    if (n < PER_CODE) out.push({ code, path, message });
    else if (n === PER_CODE) out.push({ code, path: '', message: `more places like these (only the first ${PER_CODE} are listed)` });
  };
  placeWarnings(s, bounds ?? ownBounds(s), add);
  coverWarnings(s, add);
  speedWarnings(s, add);
  startWarning(s, add);
  textWarnings(s, add);
  return out;
}

type Add = (code: WarningCode, path: string, message: string) => void;

function places(s: Scenario): { path: string; lon: number; lat: number; what: string }[] {
  const out = s.stations.map((st, i) => ({ path: `stations[${i}]`, lon: st.lon, lat: st.lat, what: `station "${st.id}"` }));
  (s.demand.points ?? []).forEach((p, i) => out.push({ path: `demand.points[${i}]`, lon: p.lon, lat: p.lat, what: `demand point ${p.label ? `"${p.label}"` : i}` }));
  return out;
}

/** Bounds from the scenario alone: inline areas, else the middle half of its places. */
function ownBounds(s: Scenario): Bounds | null {
  const src = s.areas?.source;
  if (src && typeof src === 'object') {
    let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of src.features) b = extend(b, f.geometry.coordinates);
    if (b[0] <= b[2]) return b;
  }
  const ps = places(s);
  if (ps.length < 3) return null;
  // The interquartile box of the places: robust to the few far-off ones being checked.
  const q = (xs: number[], f: number) => xs.sort((a, b) => a - b)[Math.floor(f * (xs.length - 1))]!;
  return [q(ps.map((p) => p.lon), 0.25), q(ps.map((p) => p.lat), 0.25), q(ps.map((p) => p.lon), 0.75), q(ps.map((p) => p.lat), 0.75)];
}

function extend(b: [number, number, number, number], coords: unknown): [number, number, number, number] {
  const stack: unknown[] = [coords];
  while (stack.length > 0) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
    } else stack.push(...(c as unknown[]));
  }
  return b;
}

/** Kilometres from (lon, lat) to the nearest point of `b` (0 inside it). */
export function kmOutside(b: Bounds, lon: number, lat: number): number {
  const clampedLon = Math.min(Math.max(lon, b[0]), b[2]);
  const clampedLat = Math.min(Math.max(lat, b[1]), b[3]);
  return haversineKm(lon, lat, clampedLon, clampedLat);
}

function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function placeWarnings(s: Scenario, bounds: Bounds | null, add: Add): void {
  if (!bounds) return;
  for (const p of places(s)) {
    const km = kmOutside(bounds, p.lon, p.lat);
    if (km <= FAR_KM) continue;
    const swapped = Math.abs(p.lat) <= 180 && Math.abs(p.lon) <= 90 && kmOutside(bounds, p.lat, p.lon) <= FAR_KM;
    if (swapped) add('lat-lon-swapped', p.path, `${p.what} at lon ${p.lon}, lat ${p.lat} looks like latitude and longitude swapped (swapped, it lies among the scenario's other places)`);
    else add('place-far-outside', p.path, `${p.what} is ${Math.round(km).toLocaleString('en-GB')} km outside the scenario's areas and demand`);
  }
}

/** Minutes of the day (0..1439) covered by the shifts whose ids are in `on`. */
function covered(s: Scenario, on: (shiftId: string) => boolean): boolean[] {
  const minutes = new Array<boolean>(1440).fill(false);
  for (const sh of s.shifts ?? []) {
    if (!on(sh.id)) continue;
    const from = Number(sh.start.slice(0, 2)) * 60 + Number(sh.start.slice(3, 5));
    for (let m = 0; m < Math.round(sh.hours * 60); m++) minutes[(from + m) % 1440] = true;
  }
  return minutes;
}

/** "02:00-06:00, 22:00-23:30" for the runs of uncovered minutes; '' when there are none. */
function gaps(minutes: readonly boolean[]): string {
  if (minutes.every(Boolean)) return '';
  const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  // Start at a covered minute so a gap over midnight is one run.
  const start = Math.max(0, minutes.indexOf(true));
  const runs: string[] = [];
  for (let k = 0; k < 1440; k++) {
    const m = (start + k) % 1440;
    if (minutes[m] || (k > 0 && !minutes[(m + 1439) % 1440])) continue;
    let len = 0;
    while (len < 1440 && !minutes[(m + len) % 1440]) len++;
    runs.push(`${hhmm(m)}-${hhmm(m + len)}`);
  }
  return runs.join(', ');
}

function coverWarnings(s: Scenario, add: Add): void {
  const roundTheClock = s.fleet.some((row) => (row.count ?? 0) > 0);
  const onShift = s.fleet.some((row) => Object.values(row.perShift ?? {}).some((n) => n > 0));
  if (!roundTheClock && onShift) {
    const g = gaps(covered(s, (id) => s.fleet.some((row) => (row.perShift?.[id] ?? 0) > 0)));
    if (g) add('unit-cover-gap', 'fleet', `no unit is on duty ${g} every day (no shift with units covers those hours)`);
  }
  const ch = s.callHandling;
  if (!ch) return;
  for (const st of s.demand.streams) {
    if (st.callsPerDay <= 0) continue;
    const pools = ch.pools.filter((p) => p.lines.includes(st.line));
    if (pools.some((p) => typeof p.staff === 'number' && p.staff > 0)) continue;
    const staffed = (id: string) => pools.some((p) => typeof p.staff !== 'number' && (p.staff[id] ?? 0) > 0);
    if (!(s.shifts ?? []).some((sh) => staffed(sh.id))) continue; // no cover at all is an error (checks.ts)
    const g = gaps(covered(s, staffed));
    if (g) add('call-taker-cover-gap', 'callHandling.pools', `no call taker answers line "${st.line}" ${g} every day; its calls wait or are abandoned`);
  }
}

function speedWarnings(s: Scenario, add: Add): void {
  const check = (path: string, kph: number) => {
    if (kph < ROAD_SPEED_KPH.min || kph > ROAD_SPEED_KPH.max) {
      add('speed-implausible', path, `${kph} km/h is outside what a road vehicle does (${ROAD_SPEED_KPH.min} to ${ROAD_SPEED_KPH.max} km/h)`);
    }
  };
  check('travel.speedKph', s.travel.speedKph);
  check('travel.offRoadSpeedKph', s.travel.offRoadSpeedKph);
  for (const [road, kph] of Object.entries(s.travel.roadSpeedsKph ?? {})) check(formatPath(['travel', 'roadSpeedsKph', road]), kph);
  const f = s.travel.blueLightFactor;
  if (f < 0.5 || f > 5) add('speed-implausible', 'travel.blueLightFactor', `a blue-light factor of ${f} is outside what a road vehicle does (0.5 to 5 times its usual speed)`);
}

/** UK clocks go forward on the last Sunday of March and back on the last Sunday of October, at 01:00 GMT. */
function startWarning(s: Scenario, add: Add): void {
  if (!s.start) return;
  const [year, month, day, hour] = [s.start.slice(0, 4), s.start.slice(5, 7), s.start.slice(8, 10), s.start.slice(11, 13)].map(Number) as [number, number, number, number];
  if ((month !== 3 && month !== 10) || hour !== 1) return;
  const lastSunday = 31 - weekdayOf(year, month, 31);
  if (day !== lastSunday) return;
  add(
    'start-in-clock-change',
    'start',
    month === 3
      ? `${s.start} does not exist in London: the clocks go from 01:00 to 02:00 that night (the simulator keeps 24-hour days; start at 00:00 or 02:00)`
      : `${s.start} happens twice in London: the clocks go back from 02:00 to 01:00 that night (the simulator keeps 24-hour days)`,
  );
}

/** Strings with terminal control characters anywhere in the scenario (printed escaped, but likely a mistake or mischief). */
function textWarnings(s: Scenario, add: Add): void {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: s, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) add('control-characters', formatPath(path), 'holds control characters (such as terminal escape codes); they are shown escaped');
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (hasControlCharacters(k)) add('control-characters', formatPath([...path, k]), 'this key holds control characters');
        stack.push({ value: (value as Record<string, unknown>)[k], path: [...path, k] });
      }
    }
  }
}
