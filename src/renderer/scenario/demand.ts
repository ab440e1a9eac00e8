/**
 * Demand as the workbench edits it, all through `demand.surges` (MODEL-ADDITIONS "Scenario format"):
 * - a multiplier per BCU or borough is a surge with that `area` and no window, shape or label;
 * - a demand event is a surge with a `label`, a window (`fromS`, `toS`) and a `circle` or
 *   `polygon` (or an `area`), drawn on the map.
 * Any other surge a file holds is kept as it is and listed as an event too. Pure functions.
 */
import type { RawScenario } from '../store/scenario-slice';
import { arr, isObj, num, str, type Obj } from './raw';

export const MAX_MULTIPLIER = 1000;
/** The most extra calls an hour one event may add (LIMITS.extraCallsPerHour). */
export const MAX_EXTRA_PER_HOUR = 100_000;
export const MIX_GRADES = ['I', 'S', 'E', 'R'] as const;
export type MixGrade = (typeof MIX_GRADES)[number];
/** Grade shares (each 0..1, summing to 1). */
export type GradeMix = Readonly<Record<MixGrade, number>>;

function surges(raw: RawScenario): unknown[] {
  return arr(isObj(raw.demand) ? raw.demand.surges : []);
}

function withSurges(raw: RawScenario, next: unknown[]): RawScenario {
  const demand = isObj(raw.demand) ? raw.demand : {};
  const { surges: _s, ...rest } = demand;
  return { ...raw, demand: next.length > 0 ? { ...rest, surges: next } : rest };
}

/** A standing multiplier of one area or BCU (no window, shape or label, no line). */
function isStanding(s: unknown): s is Obj & { area: string } {
  return isObj(s) && typeof s.area === 'string' && s.fromS === undefined && s.toS === undefined && s.circle === undefined && s.polygon === undefined && s.label === undefined && s.line === undefined;
}

/** Multiplier by area or BCU id (only those not 1). */
export function readAreaMultipliers(raw: RawScenario): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of surges(raw)) if (isStanding(s)) out[s.area] = (out[s.area] ?? 1) * num(s.multiplier);
  return out;
}

function checkMultiplier(m: number, what: string): void {
  if (!(m >= 0 && m <= MAX_MULTIPLIER)) throw new Error(`${what}: expected a multiplier from 0 to ${MAX_MULTIPLIER}, got ${m}`);
}

/** Sets the standing multiplier of area or BCU `id` (1 removes it). */
export function setAreaMultiplier(raw: RawScenario, id: string, multiplier: number): RawScenario {
  checkMultiplier(multiplier, `demand of ${id}`);
  const all = surges(raw);
  const i = all.findIndex((s) => isStanding(s) && s.area === id);
  if (i < 0) return multiplier === 1 ? raw : withSurges(raw, [...all, { area: id, multiplier }]);
  if ((all[i] as Obj).multiplier === multiplier && all.filter((s) => isStanding(s) && s.area === id).length === 1) return raw;
  const next = all.filter((s, k) => k === i || !(isStanding(s) && s.area === id));
  const at = next.indexOf(all[i]);
  if (multiplier === 1) next.splice(at, 1);
  else next[at] = { ...(all[i] as Obj), multiplier };
  return withSurges(raw, next);
}

export type EventShape = { readonly kind: 'circle'; readonly lon: number; readonly lat: number; readonly radiusM: number } | { readonly kind: 'polygon'; readonly corners: readonly (readonly [number, number])[] } | { readonly kind: 'area'; readonly area: string } | { readonly kind: 'all' };

export interface DemandEvent {
  /** index in `demand.surges` */
  readonly index: number;
  readonly label: string;
  readonly shape: EventShape;
  /** seconds since the scenario's start; null = from the first call / to the last */
  readonly fromS: number | null;
  readonly toS: number | null;
  readonly multiplier: number;
  /** "999", "101", or null for both lines */
  readonly line: string | null;
  /** calls an hour the event adds (0: none) */
  readonly extraPerHour: number;
  /** grade shares of the calls it adds; null = the line's */
  readonly gradeMix: GradeMix | null;
}

function mixOf(v: unknown): GradeMix | null {
  if (!isObj(v)) return null;
  return { I: num(v.I), S: num(v.S), E: num(v.E), R: num(v.R) };
}

function shapeOf(s: Obj): EventShape {
  const c = s.circle;
  if (isObj(c)) return { kind: 'circle', lon: num(c.lon), lat: num(c.lat), radiusM: num(c.radiusM) };
  if (Array.isArray(s.polygon)) return { kind: 'polygon', corners: s.polygon.filter((p): p is [number, number] => Array.isArray(p) && p.length === 2).map(([x, y]) => [num(x), num(y)] as const) };
  if (typeof s.area === 'string') return { kind: 'area', area: s.area };
  return { kind: 'all' };
}

/** Every surge that is not a standing area multiplier, in file order. */
export function readEvents(raw: RawScenario): DemandEvent[] {
  return surges(raw).flatMap((s, index): DemandEvent[] => {
    if (!isObj(s) || isStanding(s)) return [];
    const fromS = typeof s.fromS === 'number' ? s.fromS : null;
    const toS = typeof s.toS === 'number' ? s.toS : null;
    return [{ index, label: str(s.label) ?? `Surge ${index + 1}`, shape: shapeOf(s), fromS, toS, multiplier: num(s.multiplier), line: str(s.line), extraPerHour: num(s.extraCallsPerHour), gradeMix: mixOf(s.gradeMix) }];
  });
}

export interface EventSpec {
  readonly label: string;
  readonly shape: EventShape;
  readonly fromS: number;
  readonly toS: number;
  readonly multiplier: number;
  readonly line?: string | null;
  /** extra calls an hour (0 or left out: none) */
  readonly extraPerHour?: number;
  /** grade shares of the extra calls; null or left out = the line's */
  readonly gradeMix?: GradeMix | null;
}

function checkMix(mix: GradeMix, label: string): void {
  const sum = MIX_GRADES.reduce((a, g) => a + mix[g], 0);
  if (!MIX_GRADES.every((g) => mix[g] >= 0 && mix[g] <= 1) || Math.abs(sum - 1) > 1e-6) {
    throw new Error(`event ${label}: expected grade shares from 0 to 1 that sum to 1, got ${MIX_GRADES.map((g) => `${g} ${mix[g]}`).join(', ')}`);
  }
}

function surgeOf(spec: EventSpec): Obj {
  const label = spec.label.trim();
  if (label === '') throw new Error('a demand event needs a name');
  checkMultiplier(spec.multiplier, `event ${label}`);
  if (!(Number.isFinite(spec.fromS) && Number.isFinite(spec.toS) && spec.toS > spec.fromS)) {
    throw new Error(`event ${label}: expected an end after the start, got ${spec.fromS} s to ${spec.toS} s`);
  }
  const sh = spec.shape;
  let where: Obj;
  if (sh.kind === 'circle') {
    if (!(sh.radiusM > 0)) throw new Error(`event ${label}: expected a radius above 0 m, got ${sh.radiusM}`);
    const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
    where = { circle: { lon: r6(sh.lon), lat: r6(sh.lat), radiusM: Math.round(sh.radiusM) } };
  } else if (sh.kind === 'polygon') {
    if (sh.corners.length < 3) throw new Error(`event ${label}: a polygon needs at least 3 corners, got ${sh.corners.length}`);
    where = { polygon: sh.corners.map(([x, y]) => [x, y]) };
  } else if (sh.kind === 'area') where = { area: sh.area };
  else where = {};
  const extra = spec.extraPerHour ?? 0;
  if (!(extra >= 0 && extra <= MAX_EXTRA_PER_HOUR)) throw new Error(`event ${label}: expected extra calls an hour from 0 to ${MAX_EXTRA_PER_HOUR.toLocaleString('en-GB')}, got ${extra}`);
  if (spec.gradeMix) checkMix(spec.gradeMix, label);
  const mix = spec.gradeMix ? Object.fromEntries(MIX_GRADES.filter((g) => spec.gradeMix![g] > 0).map((g) => [g, spec.gradeMix![g]])) : null;
  return { label, ...where, ...(spec.line ? { line: spec.line } : {}), fromS: spec.fromS, toS: spec.toS, multiplier: spec.multiplier, ...(extra > 0 ? { extraCallsPerHour: extra } : {}), ...(mix ? { gradeMix: mix } : {}) };
}

export function addEvent(raw: RawScenario, spec: EventSpec): RawScenario {
  return withSurges(raw, [...surges(raw), surgeOf(spec)]);
}

/** Replaces the event at surge `index` by `spec`. */
export function updateEvent(raw: RawScenario, index: number, spec: EventSpec): RawScenario {
  const all = surges(raw);
  if (!isObj(all[index]) || isStanding(all[index])) throw new Error(`no demand event at demand.surges[${index}]`);
  const next = [...all];
  next[index] = surgeOf(spec);
  return JSON.stringify(next[index]) === JSON.stringify(all[index]) ? raw : withSurges(raw, next);
}

export function removeEvent(raw: RawScenario, index: number): RawScenario {
  const all = surges(raw);
  if (!isObj(all[index]) || isStanding(all[index])) throw new Error(`no demand event at demand.surges[${index}]`);
  return withSurges(raw, all.filter((_, k) => k !== index));
}

/** The spec of an event as read, for an edit of one of its fields. */
export function specOf(e: DemandEvent): EventSpec {
  return { label: e.label, shape: e.shape, fromS: e.fromS ?? 0, toS: e.toS ?? 86400, multiplier: e.multiplier, line: e.line, extraPerHour: e.extraPerHour, gradeMix: e.gradeMix };
}

/** The grade mix of a line's own calls (`line` null: the 999 stream's, else the first stream's). */
export function lineMix(raw: RawScenario, line: string | null): GradeMix {
  const streams = arr(isObj(raw.demand) ? raw.demand.streams : []).filter(isObj);
  const st = streams.find((x) => x.line === (line ?? '999')) ?? streams[0];
  return mixOf(st?.gradeMix) ?? { I: 0, S: 0, E: 0, R: 1 };
}

/**
 * `mix` with grade `g`'s share set to `share` (0..1) and the other grades scaled to fill the rest
 * in their proportions (evenly when they were all 0); shares kept to 4 decimals, summing to 1.
 */
export function withGradeShare(mix: GradeMix, g: MixGrade, share: number): GradeMix {
  if (!(share >= 0 && share <= 1)) throw new Error(`grade ${g}: expected a share from 0 % to 100 %, got ${Math.round(share * 1000) / 10} %`);
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const p = r4(share);
  const others = MIX_GRADES.filter((k) => k !== g);
  const rest = others.reduce((a, k) => a + mix[k], 0);
  const out: Record<MixGrade, number> = { I: 0, S: 0, E: 0, R: 0 };
  out[g] = p;
  for (const k of others) out[k] = r4(rest > 0 ? (mix[k] / rest) * (1 - p) : (1 - p) / others.length);
  // The largest other share takes the rounding, so the shares sum to 1.
  const big = others.reduce((a, k) => (out[k] > out[a] ? k : a), others[0]!);
  out[big] = r4(1 - p - others.filter((k) => k !== big).reduce((a, k) => a + out[k], 0));
  return out;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday of time 0: from `start` when given (a local date-time), else Monday (MODEL.md). */
export function startWeekday(raw: RawScenario): number {
  if (typeof raw.start !== 'string') return 0;
  const d = new Date(`${raw.start.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? 0 : (d.getUTCDay() + 6) % 7;
}

/** Day number (1 = the first counted day) and "HH:MM" of a time in seconds since start. */
export function dayAndClock(tS: number): { day: number; clock: string } {
  const day = Math.floor(tS / 86400);
  const min = Math.round((tS - day * 86400) / 60);
  return { day: day + 1, clock: `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}` };
}

/** Seconds since start of day `day` (1 = first) at "HH:MM". */
export function secondsAt(day: number, clock: string): number {
  return (day - 1) * 86400 + Number(clock.slice(0, 2)) * 3600 + Number(clock.slice(3, 5)) * 60;
}

/** "Sun 10:00" of a time in seconds since start. */
export function whenText(raw: RawScenario, tS: number): string {
  const { day, clock } = dayAndClock(tS);
  return `${DAYS[(((startWeekday(raw) + day - 1) % 7) + 7) % 7]} ${clock}`;
}

/** "Sun-Mon 10:00-22:00" (or "Sun 10:00-22:00" within a day) of a window; open ends said in words. */
export function windowText(raw: RawScenario, fromS: number | null, toS: number | null): string {
  if (fromS === null && toS === null) return 'all the time';
  if (fromS === null) return `until ${whenText(raw, toS!)}`;
  if (toS === null) return `from ${whenText(raw, fromS)}`;
  const [d1, c1] = whenText(raw, fromS).split(' ');
  const [d2, c2] = whenText(raw, toS).split(' ');
  const sameDay = Math.floor(fromS / 86400) === Math.floor((toS - 1) / 86400);
  return sameDay ? `${d1} ${c1}-${c2}` : `${d1}-${d2} ${c1}-${c2}`;
}
