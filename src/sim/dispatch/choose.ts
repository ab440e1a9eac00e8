/**
 * Choosing a unit for an incident (MODEL.md "Dispatch"): which units may go (available, border
 * rule, reserve), and which of them is best by the policy. Ties go to the lower unit number, so
 * the choice never depends on anything but the state.
 */
import type { Grade, Scenario } from '../../shared/scenario';
import { US, type Fleet } from '../fleet/fleet';
import type { SortedIntSet } from '../fleet/free-units';
import type { Call } from '../model/call';
import { greatCircleM } from '../geo';
import type { Place, TravelModel } from '../world';
import { unitPlaces } from './unit-place';

/** What the chooser reads of the simulation. */
export interface DispatchView {
  readonly now: number;
  readonly fleet: Fleet;
  readonly travel: TravelModel;
  readonly scenario: Scenario;
  /** BCU index (into fleet.bcuIds) of each area index, -1 for none. */
  readonly areaBcu: Int32Array;
  /** Live call by id (undefined once over). */
  call(id: number): Call | undefined;
}

const GRADE_KEYS: readonly Grade[] = ['I', 'S', 'E', 'R'];

export { unitPlace } from './unit-place';

/** The BCU index of a call's area, -1 when none. */
export function callBcu(v: DispatchView, call: Call): number {
  return call.area >= 0 ? v.areaBcu[call.area]! : -1;
}

/** Units allowed by the border rule for `call` among `units` (MODEL.md `dispatch.border`). */
export function applyBorder(v: DispatchView, call: Call, units: number[]): number[] {
  const border = v.scenario.dispatch.border;
  const f = v.fleet;
  if (border === 'area') return call.area < 0 ? units : units.filter((u) => f.areaOf(u) === call.area);
  if (border === 'bcu') {
    const b = callBcu(v, call);
    if (b < 0) return units;
    const same = units.filter((u) => f.bcuOf(u) === b);
    return same.length > 0 ? same : units;
  }
  return units;
}

/**
 * Free units per BCU held back from `grade`'s work: a reserve kept from S work is kept from every
 * lower grade too (otherwise E work would take the units held for I), so the largest reserve of
 * this grade and the grades above it.
 */
export function reserveFor(v: DispatchView, grade: number): number {
  const r = v.scenario.dispatch.reserve;
  if (r !== reserveOf) {
    // Asked at every choice: worked out once per `reserve` object (a scenario's is never changed).
    for (let k = 0; k < 4; k++) {
      let out = 0;
      const upTo = Math.min(k, 2);
      for (let g = 0; g <= upTo; g++) out = Math.max(out, r[GRADE_KEYS[g] as 'I' | 'S' | 'E'] ?? 0);
      reserveByGrade[k] = out;
    }
    reserveOf = r;
  }
  return grade >= 0 && grade < 4 ? reserveByGrade[grade]! : reserveOfGrade(r, grade);
}

function reserveOfGrade(r: Scenario['dispatch']['reserve'], grade: number): number {
  let out = 0;
  const upTo = Math.min(grade, 2);
  for (let g = 0; g <= upTo; g++) out = Math.max(out, r[GRADE_KEYS[g] as 'I' | 'S' | 'E'] ?? 0);
  return out;
}

/** reserveFor's last `reserve` and its answers per grade. */
let reserveOf: Scenario['dispatch']['reserve'] | null = null;
const reserveByGrade = new Int32Array(4);

/** Cache of reserveBySlot: per fleet, per grade (a fleet belongs to one run of one scenario). */
const slotReserves = new WeakMap<Fleet, (Int32Array | null)[]>();

/**
 * With `dispatch.reserveByBcu` (MODEL-ADDITIONS.md): the reserve held back from `grade`'s work in
 * each BCU slot (a listed BCU's own, else `reserve`'s), by the same rule as reserveFor; null
 * without it, so scenarios without it take the one-number paths unchanged.
 */
export function reserveBySlot(v: DispatchView, grade: number): Int32Array | null {
  const byBcu = v.scenario.dispatch.reserveByBcu;
  if (!byBcu || Object.keys(byBcu).length === 0) return null;
  let cached = slotReserves.get(v.fleet);
  if (!cached) slotReserves.set(v.fleet, (cached = []));
  const g = Math.min(grade, 3);
  if (cached[g] === undefined) {
    const ids = v.fleet.bcuIds;
    const upTo = Math.min(grade, 2);
    const table = new Int32Array(ids.length + 1);
    for (let slot = 0; slot <= ids.length; slot++) {
      const own = slot < ids.length && Object.hasOwn(byBcu, ids[slot]!) ? byBcu[ids[slot]!]! : v.scenario.dispatch.reserve;
      let out = 0;
      for (let k = 0; k <= upTo; k++) out = Math.max(out, own[GRADE_KEYS[k] as 'I' | 'S' | 'E'] ?? 0);
      table[slot] = out;
    }
    cached[g] = table;
  }
  return cached[g]!;
}

/** BCU slots whose free units are all held back by `table` (slots with none free included). */
function heldBySlot(free: Int32Array, table: Int32Array): number {
  let held = 0;
  for (let b = 0; b < free.length; b++) if (free[b]! <= table[b]!) held++;
  return held;
}

/** Writes the units of `set` whose BCU slot has more free units than its reserve in `table` into `out`, in set order; returns how many. */
function freeNotHeld(f: Fleet, table: Int32Array, set: SortedIntSet, out: number[]): number {
  const free = f.freeByBcu;
  const slotOf = f.slotOfUnit;
  const items = set.sortedItems();
  const size = set.size;
  let n = 0;
  for (let i = 0; i < size; i++) {
    const u = items[i]!;
    const slot = slotOf[u]!;
    if (free[slot]! > table[slot]!) out[n++] = u;
  }
  return n;
}

/** Writes the units of `set` whose BCU slot has more than `reserve` free units into `out`, in set order; returns how many. */
function freeAbove(f: Fleet, reserve: number, set: SortedIntSet, out: number[]): number {
  const free = f.freeByBcu;
  const slotOf = f.slotOfUnit;
  const items = set.sortedItems();
  const size = set.size;
  let n = 0;
  for (let i = 0; i < size; i++) {
    const u = items[i]!;
    if (free[slotOf[u]!]! > reserve) out[n++] = u;
  }
  return n;
}

/** `n` first entries of `fill`'s output as a new array. */
function fresh(fill: (out: number[]) => number): number[] {
  const out: number[] = [];
  out.length = fill(out);
  return out;
}

/**
 * Available units of `among` (default all) that the reserve rule lets take this grade's work, in
 * unit order. A scan of `among`: the reference for the indexed `availableIn*` below, which dispatch
 * uses (they give the same lists).
 */
export function availableUnits(v: DispatchView, grade: number, among: readonly number[] = v.fleet.all): number[] {
  const f = v.fleet;
  const table = reserveBySlot(v, grade);
  const reserve = reserveFor(v, grade);
  const state = f.state;
  const out: number[] = [];
  for (let i = 0; i < among.length; i++) {
    const u = among[i]!;
    const s = state[u]!;
    if (s !== US.FREE && s !== US.RETURNING) continue;
    const slot = f.bcuSlot(u);
    const r = table ? table[slot]! : reserve;
    if (r > 0 && f.freeByBcu[slot]! <= r) continue;
    out.push(u);
  }
  return out;
}

/**
 * Whether any unit may take this grade's work now: some BCU slot has more free units than the
 * grade's reserve. When false, every `availableIn*` list is empty, whatever the incident.
 */
export function anyAvailable(v: DispatchView, grade: number): boolean {
  const f = v.fleet;
  if (f.freeTotal === 0) return false;
  const table = reserveBySlot(v, grade);
  if (table) return heldBySlot(f.freeByBcu, table) < f.freeByBcu.length;
  const reserve = reserveFor(v, grade);
  if (reserve === 0) return true;
  const free = f.freeByBcu;
  for (let b = 0; b < free.length; b++) if (free[b]! > reserve) return true;
  return false;
}

/** Same as availableUnits(v, grade, fleet.unitsByBcu[slot]), from the index of free units. */
export function availableInSlot(v: DispatchView, grade: number, slot: number): number[] {
  return fresh((out) => fillInSlot(v, grade, slot, out));
}

/** Same as availableUnits(v, grade, fleet.unitsByArea.get(area) ?? []), from the index of free units. */
export function availableInArea(v: DispatchView, grade: number, area: number): number[] {
  return fresh((out) => fillInArea(v, grade, area, out));
}

/** Same as availableUnits(v, grade) (the whole fleet), from the index of free units. */
export function availableAll(v: DispatchView, grade: number): number[] {
  return fresh((out) => fillAll(v, grade, out));
}

/** Where the fill functions read units: the available ones (fleet.free), or those dispatch weighs (fleet.reps). */
type UnitIndex = Pick<Fleet['free'], 'all' | 'bySlot' | 'byArea'>;

/** availableInSlot written into `out` (from 0), from `index` (default: every available unit); returns how many. */
function fillInSlot(v: DispatchView, grade: number, slot: number, out: number[], index: UnitIndex = v.fleet.free): number {
  const f = v.fleet;
  const reserve = reserveBySlot(v, grade)?.[slot] ?? reserveFor(v, grade);
  // Every unit of a slot shares the slot's count: the reserve holds all of them or none.
  if (reserve > 0 && f.freeByBcu[slot]! <= reserve) return 0;
  return index.bySlot[slot]!.copyTo(out);
}

/** availableInArea written into `out` (from 0), from `index`; returns how many. */
function fillInArea(v: DispatchView, grade: number, area: number, out: number[], index: UnitIndex = v.fleet.free): number {
  const f = v.fleet;
  const set = index.byArea[area];
  if (!set) return 0;
  const table = reserveBySlot(v, grade);
  if (table) return freeNotHeld(f, table, set, out);
  const reserve = reserveFor(v, grade);
  return reserve === 0 ? set.copyTo(out) : freeAbove(f, reserve, set, out);
}

/** availableAll written into `out` (from 0), from `index`; returns how many. */
function fillAll(v: DispatchView, grade: number, out: number[], index: UnitIndex = v.fleet.free): number {
  const f = v.fleet;
  const set = index.all;
  const table = reserveBySlot(v, grade);
  if (table) return heldBySlot(f.freeByBcu, table) === 0 ? set.copyTo(out) : freeNotHeld(f, table, set, out);
  const reserve = reserveFor(v, grade);
  if (reserve === 0) return set.copyTo(out);
  const free = f.freeByBcu;
  let held = 0;
  for (let b = 0; b < free.length; b++) if (free[b]! > 0 && free[b]! <= reserve) held++;
  if (held === 0) return set.copyTo(out);
  return freeAbove(f, reserve, set, out);
}

/** Best of `units` for `call` by the policy, with its travel time; null when none can reach it. */
export function best(v: DispatchView, call: Call, units: readonly number[], departS: number): { unit: number; timeS: number } | null {
  return bestOf(v, call, units, units.length, departS, false);
}

/** Scratch for the home-station units of bestOf (one choice at a time). */
const HOME: number[] = [];

/** best() over the first `n` of `units` (`weighed`: they are fleet.reps's, one FREE unit per station already). */
function bestOf(v: DispatchView, call: Call, units: readonly number[], n: number, departS: number, weighed = false): { unit: number; timeS: number } | null {
  if (n === 0 || !call.place) return null;
  if (v.scenario.dispatch.policy === 'home-station-first' && call.area >= 0) {
    const home = HOME;
    let h = 0;
    for (let i = 0; i < n; i++) if (v.fleet.areaOfUnit[units[i]!] === call.area) home[h++] = units[i]!;
    const found = h > 0 ? pick(v, call, home, h, departS, weighed) : null;
    if (found) return found;
  }
  return pick(v, call, units, n, departS, weighed);
}

/**
 * Scratch for pick: the places weighed, one array per length (rankTo reads `origins.length` and
 * keeps none of them; an array shortened and grown again would be reallocated at every pick), and
 * whose they are.
 */
const PLACES_BY_LENGTH: Place[][] = [];
const OWNERS: number[] = [];
/** Per station: the pick that last took a free unit's place there (see pick). */
let seenStation = new Int32Array(64);
let pickStamp = 0;

/**
 * The policy's pick among the first `n` of `set` (plain loops: this runs for every dispatch).
 * Units free at their base share its Place: only the first of them (the lowest unit number, as
 * `set` is in unit order) is weighed, which changes nothing, since equal places have equal times
 * and ties go to the lower index, in the shorter list as in the whole one. `weighed`: `set` is
 * already that shorter list (fleet.reps, see chooseUnit).
 */
function pick(v: DispatchView, call: Call, set: readonly number[], n: number, departS: number, weighed: boolean): { unit: number; timeS: number } | null {
  const dest = call.place!;
  const blue = v.scenario.grades[GRADE_KEYS[call.grade]!].blueLight;
  const f = v.fleet;
  let owners: readonly number[] = set;
  let m = n;
  if (!weighed) {
    const state = f.state;
    const station = f.station;
    if (seenStation.length < f.stations.length) seenStation = new Int32Array(2 * f.stations.length);
    const seen = seenStation;
    if (pickStamp === 0x7fffffff) {
      seen.fill(0);
      pickStamp = 0;
    }
    const stamp = ++pickStamp;
    const out = OWNERS;
    m = 0;
    for (let i = 0; i < n; i++) {
      const u = set[i]!;
      if (state[u] === US.FREE) {
        const st = station[u]!;
        if (seen[st] === stamp) continue;
        seen[st] = stamp;
      }
      out[m++] = u;
    }
    owners = out;
  }
  let places = PLACES_BY_LENGTH[m];
  if (places === undefined) {
    places = new Array<Place>(m);
    PLACES_BY_LENGTH[m] = places;
  }
  unitPlaces(v, owners, m, places);
  if (v.scenario.dispatch.policy === 'nearest-straight-line') {
    let bestI = -1;
    let bestM = Infinity;
    for (let i = 0; i < m; i++) {
      const d = greatCircleM(places[i]!.lon, places[i]!.lat, dest.lon, dest.lat);
      if (d < bestM) {
        bestI = i;
        bestM = d;
      }
    }
    if (bestI < 0) return null;
    const timeS = v.travel.timesTo([places[bestI]!], dest, departS, blue)[0]!;
    return Number.isFinite(timeS) ? { unit: owners[bestI]!, timeS } : null;
  }
  const top = v.travel.rankTo(places, dest, departS, blue, 1)[0];
  return top && Number.isFinite(top.timeS) ? { unit: owners[top.index]!, timeS: top.timeS } : null;
}

/** Scratch for chooseUnit's candidates (one choice at a time). */
const UNITS: number[] = [];

/**
 * The unit to send to `call` now for its next slot, or null. Same result as
 * best(applyBorder(availableUnits(all))), but reads the index of free units, looking first at the
 * call's own BCU or area, so that a dispatch reads the free units, not the whole fleet.
 */
export function chooseUnit(v: DispatchView, call: Call, departS: number): { unit: number; timeS: number } | null {
  const border = v.scenario.dispatch.border;
  const units = UNITS;
  const reps = v.fleet.reps; // the units pick weighs; a slot has some exactly when it has an available unit
  if (border === 'area' && call.area >= 0) return bestOf(v, call, units, fillInArea(v, call.grade, call.area, units, reps), departS, true);
  if (border === 'bcu') {
    const b = callBcu(v, call);
    if (b >= 0) {
      const n = fillInSlot(v, call.grade, b, units, reps);
      if (n > 0) return bestOf(v, call, units, n, departS, true);
    }
  }
  return bestOf(v, call, units, fillAll(v, call.grade, units, reps), departS, true);
}

/**
 * Units that could be diverted to `call` (MODEL.md `dispatch.divert`), before the border rule:
 * travelling to, or on scene at, an incident of a `from` grade, shift not over; in unit order.
 * Empty when the call's grade takes no diverted units. The same for every call of a grade.
 */
export function diversionCandidates(v: DispatchView, call: Call): number[] {
  const divert = v.scenario.dispatch.divert;
  if (!divert || !divert.to.includes(GRADE_KEYS[call.grade]!)) return [];
  const f = v.fleet;
  const from = new Set(divert.from.map((g) => GRADE_KEYS.indexOf(g)));
  const units: number[] = [];
  const committed = f.committed;
  for (let i = 0; i < committed.size; i++) {
    const u = committed.at(i);
    if (f.offAfterJob[u]) continue; // its shift is over: it finishes this job and goes home
    const other = v.call(f.incident[u]!);
    if (other && from.has(other.grade)) units.push(u);
  }
  return units;
}

/**
 * A unit to divert to `call`: among `candidates` (default: diversionCandidates), chosen by the same
 * border rule and policy as a free unit. Null when none.
 */
export function chooseDiversion(v: DispatchView, call: Call, departS: number, candidates: number[] = diversionCandidates(v, call)): { unit: number; timeS: number } | null {
  return best(v, call, applyBorder(v, call, candidates), departS);
}
