/**
 * Resourcing of a scenario as the resourcing panel shows and edits it, read from and written to
 * the raw scenario JSON (MODEL.md "The scenario file"): units per shift per base (`fleet` rows) and
 * per BCU (the bases whose `area` is in the BCU's `areas.groups` entry), call takers per shift per
 * pool (`callHandling.pools[].staff`), calls per day (`demand.streams[].callsPerDay`) and the
 * dispatch border rule (`dispatch.border`).
 *
 * Every edit is a pure function returning a new scenario object (the input is never changed) and
 * keeps the file's form: per-shift rows stay per shift, round-the-clock `count` rows and `staff: N`
 * stay numbers when the scenario has no shifts.
 */
import type { RawScenario } from '../store/scenario-slice';

/** The pseudo shift of a scenario without `shifts` (round-the-clock `count` and `staff: N`). */
export const ALL_DAY = '(all day)';

export type BorderRule = 'any' | 'bcu' | 'area';
export const BORDER_RULES: readonly BorderRule[] = ['any', 'bcu', 'area'];

export interface BaseResourcing {
  readonly id: string;
  readonly name: string;
  readonly area: string | null;
  /** units by shift id (ALL_DAY without shifts) */
  readonly perShift: Readonly<Record<string, number>>;
}

export interface BcuResourcing {
  /** the `areas.groups` key, or null for bases in no BCU */
  readonly id: string | null;
  readonly bases: readonly BaseResourcing[];
  readonly perShift: Readonly<Record<string, number>>;
}

export interface PoolResourcing {
  readonly id: string;
  readonly lines: readonly string[];
  readonly perShift: Readonly<Record<string, number>>;
}

export interface Resourcing {
  /** shift ids in the scenario's order, or [ALL_DAY] */
  readonly shifts: readonly string[];
  readonly bcus: readonly BcuResourcing[];
  readonly pools: readonly PoolResourcing[];
  readonly border: BorderRule;
  /** calls per day of each stream, by line */
  readonly callsPerDay: Readonly<Record<string, number>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function shiftIds(raw: RawScenario): string[] {
  const ids = arr(raw.shifts).flatMap((s) => (isObj(s) && typeof s.id === 'string' ? [s.id] : []));
  return ids.length > 0 ? ids : [ALL_DAY];
}

/** Units of one fleet row by shift. */
function rowUnits(row: Obj, shifts: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const perShift = isObj(row.perShift) ? row.perShift : null;
  for (const s of shifts) out[s] = perShift ? num(perShift[s]) : num(row.count);
  return out;
}

function add(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** BCU id of each area id, from `areas.groups`. */
function bcuOfArea(raw: RawScenario): Map<string, string> {
  const out = new Map<string, string>();
  const groups = isObj(raw.areas) && isObj(raw.areas.groups) ? raw.areas.groups : {};
  for (const [bcu, areas] of Object.entries(groups)) for (const a of arr(areas)) if (typeof a === 'string') out.set(a, bcu);
  return out;
}

/** What the resourcing panel shows. Reads leniently: a field of the wrong type counts as absent. */
export function readResourcing(raw: RawScenario): Resourcing {
  const shifts = shiftIds(raw);
  const zero = () => Object.fromEntries(shifts.map((s) => [s, 0])) as Record<string, number>;
  const byBcu = bcuOfArea(raw);
  const groupOrder = [...new Set(byBcu.values())];
  const bases = new Map<string, { id: string; name: string; area: string | null; perShift: Record<string, number> }>();
  for (const st of arr(raw.stations)) {
    if (!isObj(st) || typeof st.id !== 'string') continue;
    bases.set(st.id, { id: st.id, name: typeof st.name === 'string' ? st.name : st.id, area: typeof st.area === 'string' ? st.area : null, perShift: zero() });
  }
  for (const row of arr(raw.fleet)) {
    if (!isObj(row) || typeof row.station !== 'string') continue;
    const base = bases.get(row.station);
    if (base) add(base.perShift, rowUnits(row, shifts));
  }
  const bcus = new Map<string | null, { id: string | null; bases: BaseResourcing[]; perShift: Record<string, number> }>();
  for (const id of groupOrder) bcus.set(id, { id, bases: [], perShift: zero() });
  for (const base of bases.values()) {
    const id = base.area === null ? null : (byBcu.get(base.area) ?? null);
    let bcu = bcus.get(id);
    if (!bcu) bcus.set(id, (bcu = { id, bases: [], perShift: zero() }));
    bcu.bases.push(base);
    add(bcu.perShift, base.perShift);
  }
  const handling = isObj(raw.callHandling) ? raw.callHandling : {};
  const pools = arr(handling.pools).flatMap((p): PoolResourcing[] => {
    if (!isObj(p) || typeof p.id !== 'string') return [];
    const staff = p.staff;
    const perShift = Object.fromEntries(shifts.map((s) => [s, isObj(staff) ? num(staff[s]) : num(staff)]));
    return [{ id: p.id, lines: arr(p.lines).filter((l): l is string => typeof l === 'string'), perShift }];
  });
  const dispatch = isObj(raw.dispatch) ? raw.dispatch : {};
  const border = (BORDER_RULES as readonly unknown[]).includes(dispatch.border) ? (dispatch.border as BorderRule) : 'any';
  const callsPerDay: Record<string, number> = {};
  for (const s of arr(isObj(raw.demand) ? raw.demand.streams : [])) {
    if (isObj(s) && typeof s.line === 'string') callsPerDay[s.line] = (callsPerDay[s.line] ?? 0) + num(s.callsPerDay);
  }
  return { shifts, bcus: [...bcus.values()], pools, border, callsPerDay };
}

/**
 * Whole numbers summing to `total`, in proportion to `weights` (largest remainder; ties to the
 * earlier entry). All-zero weights share equally.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`distribute: expected a whole number >= 0, got ${total}`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new Error(`distribute: ${total} units and nowhere to put them`);
  }
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const shares = weights.map((w) => (sum > 0 ? (total * Math.max(0, w)) / sum : total / weights.length));
  const out = shares.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: expected a whole number >= 0, got ${n}`);
}

function checkShift(raw: RawScenario, shift: string): void {
  if (!shiftIds(raw).includes(shift)) throw new Error(`unknown shift "${shift}" (the scenario has ${shiftIds(raw).join(', ')})`);
}

/** Sets base `station`'s units on `shift` to `n`, shared over its fleet rows in proportion. */
export function setBaseUnits(raw: RawScenario, station: string, shift: string, n: number): RawScenario {
  checkCount(n, `units of base ${station}, shift ${shift}`);
  checkShift(raw, shift);
  const shifts = shiftIds(raw);
  const fleet = arr(raw.fleet);
  const rows = fleet.flatMap((row, i) => (isObj(row) && row.station === station ? [i] : []));
  if (rows.length === 0) {
    if (n === 0) return raw;
    if (!arr(raw.stations).some((s) => isObj(s) && s.id === station)) throw new Error(`no base "${station}" in the scenario`);
    const row: Obj = shift === ALL_DAY ? { station, count: n } : { station, perShift: { [shift]: n } };
    return { ...raw, fleet: [...fleet, row] };
  }
  const now = rows.map((i) => rowUnits(fleet[i] as Obj, shifts)[shift]!);
  if (now.reduce((a, b) => a + b, 0) === n) return raw;
  const shares = distribute(n, now);
  const next = [...fleet];
  rows.forEach((i, k) => {
    const row = fleet[i] as Obj;
    if (shift === ALL_DAY) {
      next[i] = { ...row, count: shares[k] };
      return;
    }
    // A round-the-clock row becomes per shift once one shift differs.
    const perShift = isObj(row.perShift) ? { ...row.perShift } : Object.fromEntries(shifts.map((s) => [s, num(row.count)]));
    const { count: _count, ...rest } = row;
    next[i] = { ...rest, perShift: { ...perShift, [shift]: shares[k] } };
  });
  return { ...raw, fleet: next };
}

/**
 * Sets BCU `bcu`'s units on `shift` to `n`, shared over its bases in proportion to what they
 * have (equally when they have none).
 */
export function setBcuUnits(raw: RawScenario, bcu: string | null, shift: string, n: number): RawScenario {
  checkCount(n, `units of BCU ${bcu ?? '(none)'}, shift ${shift}`);
  const group = readResourcing(raw).bcus.find((b) => b.id === bcu);
  if (!group || group.bases.length === 0) {
    if (n === 0) return raw;
    throw new Error(`BCU ${bcu ?? '(none)'} has no base to put units in`);
  }
  const shares = distribute(n, group.bases.map((b) => b.perShift[shift] ?? 0));
  return group.bases.reduce((acc, base, k) => setBaseUnits(acc, base.id, shift, shares[k]!), raw);
}

/** Sets pool `pool`'s call takers on `shift` to `n`. */
export function setCallTakers(raw: RawScenario, pool: string, shift: string, n: number): RawScenario {
  checkCount(n, `call takers of ${pool}, shift ${shift}`);
  checkShift(raw, shift);
  const handling = isObj(raw.callHandling) ? raw.callHandling : null;
  const pools = arr(handling?.pools);
  const i = pools.findIndex((p) => isObj(p) && p.id === pool);
  if (!handling || i < 0) throw new Error(`no call-taker pool "${pool}" in the scenario`);
  const p = pools[i] as Obj;
  let staff: unknown;
  if (shift === ALL_DAY) staff = n;
  else if (isObj(p.staff)) staff = { ...p.staff, [shift]: n };
  else staff = { ...Object.fromEntries(shiftIds(raw).map((s) => [s, num(p.staff)])), [shift]: n };
  if (JSON.stringify(staff) === JSON.stringify(p.staff)) return raw;
  const next = [...pools];
  next[i] = { ...p, staff };
  return { ...raw, callHandling: { ...handling, pools: next } };
}

export function setBorder(raw: RawScenario, border: BorderRule): RawScenario {
  if (!BORDER_RULES.includes(border)) throw new Error(`unknown border rule "${String(border)}" (expected ${BORDER_RULES.join(', ')})`);
  const dispatch = isObj(raw.dispatch) ? raw.dispatch : {};
  if (dispatch.border === border) return raw;
  return { ...raw, dispatch: { ...dispatch, border } };
}

/** The scenario with every stream's calls per day times `multiplier` (1: the same object). */
export function scaleDemand(raw: RawScenario, multiplier: number): RawScenario {
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new Error(`demand multiplier must be a number > 0, got ${multiplier}`);
  if (multiplier === 1 || !isObj(raw.demand)) return raw;
  const streams = arr(raw.demand.streams).map((s) => (isObj(s) && typeof s.callsPerDay === 'number' ? { ...s, callsPerDay: s.callsPerDay * multiplier } : s));
  return { ...raw, demand: { ...raw.demand, streams } };
}
