/**
 * Checks across fields of a scenario whose shape is already valid: what the schema cannot see
 * alone. Each finds every problem it can (never stops at the first) and names its JSON path.
 * Checks that need the areas' data (area ids of built-in sets) happen in src/world.
 */
import type { ScenarioIssue } from './issues';
import { joinPath } from './issues';
import { LIMITS } from './limits';
import type { Grade, Line } from './primitives';
import type { Scenario } from './schema';

const SUM_TOLERANCE = 1e-6;
const MEAN_TOLERANCE = 1e-3;

/** All the cross-field problems of `s`; empty when it can run. */
export function checkScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  checkSizes(s, add);
  checkDemand(s, add);
  const shiftIds = checkShifts(s, add);
  const stationIds = checkStations(s, add);
  checkFleet(s, shiftIds, stationIds, add);
  checkCallHandling(s, shiftIds, add);
  checkGradesHaveUnits(s, add);
  checkArrests(s, add);
  checkDispatch(s, add);
  if (s.travel.mode === 'road' && !s.network) add('network', 'required: travel.mode "road" needs network.source');
  return issues;
}

type Add = (path: string, message: string) => void;

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function checkDemand(s: Scenario, add: Add): void {
  const d = s.demand;
  const lines = new Set<Line>();
  d.streams.forEach((st, i) => {
    const path = `demand.streams[${i}]`;
    if (lines.has(st.line)) add(joinPath(path, 'line'), `line "${st.line}" has a stream already; give one stream per line`);
    lines.add(st.line);
    const sum = (st.gradeMix.I ?? 0) + (st.gradeMix.S ?? 0) + (st.gradeMix.E ?? 0) + (st.gradeMix.R ?? 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) add(joinPath(path, 'gradeMix'), `expected shares that sum to 1, they sum to ${round(sum)}`);
  });
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (d.hourOfDay && Math.abs(mean(d.hourOfDay) - 1) > MEAN_TOLERANCE) {
    add('demand.hourOfDay', `expected multipliers with mean 1, their mean is ${round(mean(d.hourOfDay))} (divide each by it)`);
  }
  if (d.dayOfWeek && Math.abs(mean(d.dayOfWeek) - 1) > MEAN_TOLERANCE) {
    add('demand.dayOfWeek', `expected multipliers with mean 1, their mean is ${round(mean(d.dayOfWeek))} (divide each by it)`);
  }
  if (d.areaWeights && !s.areas) add('demand.areaWeights', 'areaWeights need areas: give areas.source');
  if (!d.points && !d.pointsSource && !s.areas && s.travel.mode !== 'road') {
    add('demand', 'no way to place calls: give demand.points, demand.pointsSource or areas (straight-line travel has no network to spread calls over)');
  }
  if (d.points && d.points.every((p) => p.weight === 0)) add('demand.points', 'expected at least one point with weight > 0');
  d.surges.forEach((sg, i) => {
    if (sg.toS !== undefined && sg.fromS !== undefined && !(sg.toS > sg.fromS)) add(`demand.surges[${i}].toS`, `expected toS > fromS (${sg.fromS}), got ${sg.toS}`);
    if (sg.circle && sg.polygon) add(`demand.surges[${i}]`, 'expected a circle or a polygon, not both');
    if (sg.area !== undefined && !s.areas) add(`demand.surges[${i}].area`, 'a surge in an area needs areas: give areas.source');
    checkSurgeCalls(s, sg, `demand.surges[${i}]`, add);
  });
}

/** A surge's extra calls: a line with a stream to take them, grade shares that sum to 1. */
function checkSurgeCalls(s: Scenario, sg: Scenario['demand']['surges'][number], path: string, add: Add): void {
  if (sg.gradeMix) {
    const sum = (sg.gradeMix.I ?? 0) + (sg.gradeMix.S ?? 0) + (sg.gradeMix.E ?? 0) + (sg.gradeMix.R ?? 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) add(joinPath(path, 'gradeMix'), `expected shares that sum to 1, they sum to ${round(sum)}`);
  }
  if ((sg.extraCallsPerHour ?? 0) > 0) {
    const streams = s.demand.streams.filter((st) => sg.line === undefined || st.line === sg.line);
    if (sg.line !== undefined && streams.length === 0) add(joinPath(path, 'line'), `extra calls on line "${sg.line}" need a stream of that line in demand.streams`);
    else if (sg.line === undefined && !streams.some((st) => st.callsPerDay > 0)) add(joinPath(path, 'extraCallsPerHour'), 'extra calls on every line are shared by the lines\' callsPerDay, which are all 0: give the surge a line');
  }
}

/** The sizes of LIMITS: each field over its limit, and the fleet's units added up. */
function checkSizes(s: Scenario, add: Add): void {
  const most = (path: string, value: number, limit: number, what: string) => {
    if (value > limit) add(path, `expected at most ${grouped(limit)} ${what}, got ${grouped(value)}`);
  };
  most('days', s.days, LIMITS.days, 'days');
  most('warmupHours', s.warmupHours, LIMITS.warmupHours, 'hours');
  s.demand.streams.forEach((st, i) => most(`demand.streams[${i}].callsPerDay`, st.callsPerDay, LIMITS.callsPerDay, 'calls a day'));
  s.demand.surges.forEach((sg, i) => most(`demand.surges[${i}].multiplier`, sg.multiplier, LIMITS.surgeMultiplier, 'as a multiplier'));
  s.demand.surges.forEach((sg, i) => most(`demand.surges[${i}].extraCallsPerHour`, sg.extraCallsPerHour ?? 0, LIMITS.extraCallsPerHour, 'extra calls an hour'));
  s.callHandling?.pools.forEach((p, i) => {
    const path = `callHandling.pools[${i}].staff`;
    if (typeof p.staff === 'number') most(path, p.staff, LIMITS.staff, 'call takers');
    else for (const [shift, n] of Object.entries(p.staff)) most(joinPath(path, shift), n, LIMITS.staff, 'call takers');
  });
  let units = 0;
  s.fleet.forEach((row, i) => {
    const path = `fleet[${i}]`;
    if (row.count !== undefined) {
      most(joinPath(path, 'count'), row.count, LIMITS.units, 'units');
      units += row.count;
    }
    for (const [shift, n] of Object.entries(row.perShift ?? {})) {
      most(joinPath(joinPath(path, 'perShift'), shift), n, LIMITS.units, 'units');
      units += n;
    }
  });
  if (units > LIMITS.units && s.fleet.every((row) => (row.count ?? 0) <= LIMITS.units && Object.values(row.perShift ?? {}).every((n) => n <= LIMITS.units))) {
    add('fleet', `expected at most ${grouped(LIMITS.units)} units in all (every count and perShift number added), got ${grouped(units)}`);
  }
}

function checkShifts(s: Scenario, add: Add): Set<string> {
  const ids = (s.shifts ?? []).map((sh) => sh.id);
  for (const dup of duplicates(ids)) add('shifts', `shift id "${dup}" is used twice`);
  return new Set(ids);
}

function checkStations(s: Scenario, add: Add): Set<string> {
  const ids = s.stations.map((st) => st.id);
  for (const dup of duplicates(ids)) add('stations', `station id "${dup}" is used twice`);
  return new Set(ids);
}

function checkPerShift(table: Readonly<Record<string, number>>, shiftIds: Set<string>, path: string, add: Add): void {
  if (shiftIds.size === 0) {
    add(path, 'staffing per shift needs `shifts`; give shifts or one number for round-the-clock staffing');
    return;
  }
  for (const key of Object.keys(table)) {
    if (!shiftIds.has(key)) add(joinPath(path, key), `unknown shift "${key}" (shifts: ${[...shiftIds].join(', ')})`);
  }
}

function checkFleet(s: Scenario, shiftIds: Set<string>, stationIds: Set<string>, add: Add): void {
  s.fleet.forEach((row, i) => {
    const path = `fleet[${i}]`;
    if (!stationIds.has(row.station)) add(joinPath(path, 'station'), `unknown station "${row.station}"`);
    if ((row.perShift === undefined) === (row.count === undefined)) {
      add(path, 'expected either perShift (units per shift id) or count (round the clock), not both or neither');
    } else if (row.perShift) checkPerShift(row.perShift, shiftIds, joinPath(path, 'perShift'), add);
  });
}

function checkCallHandling(s: Scenario, shiftIds: Set<string>, add: Add): void {
  const ch = s.callHandling;
  if (!ch) return;
  for (const dup of duplicates(ch.pools.map((p) => p.id))) add('callHandling.pools', `pool id "${dup}" is used twice`);
  ch.pools.forEach((p, i) => {
    if (typeof p.staff !== 'number') checkPerShift(p.staff, shiftIds, `callHandling.pools[${i}].staff`, add);
  });
  for (const st of s.demand.streams) {
    if (st.callsPerDay <= 0) continue;
    if (!ch.handlingTime[st.line]) add(joinPath('callHandling.handlingTime', st.line), `required: line "${st.line}" has calls`);
    const staffed = ch.pools.some(
      (p) => p.lines.includes(st.line) && (typeof p.staff === 'number' ? p.staff > 0 : Object.values(p.staff).some((n) => n > 0)),
    );
    if (!staffed) {
      add('callHandling.pools', `no call taker ever answers line "${st.line}", which has ${st.callsPerDay} calls a day`);
    }
  }
}

/** Most units on duty at once, over the day (shift-based rows summed over overlapping shifts). */
export function peakUnitsOnDuty(s: Scenario): number {
  const shifts = s.shifts ?? [];
  const closed = new Set(s.stations.filter((st) => st.closed === true).map((st) => st.id));
  const fleet = s.fleet.filter((row) => !closed.has(row.station));
  const roundTheClock = fleet.reduce((n, row) => n + (row.count ?? 0), 0);
  if (shifts.length === 0) return roundTheClock;
  let peak = 0;
  for (const probe of shifts) {
    const t = minutesOf(probe.start);
    let n = roundTheClock;
    for (const sh of shifts) {
      const from = minutesOf(sh.start);
      if ((t - from + 1440) % 1440 < sh.hours * 60) {
        for (const row of fleet) n += row.perShift?.[sh.id] ?? 0;
      }
    }
    peak = Math.max(peak, n);
  }
  return peak;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function checkGradesHaveUnits(s: Scenario, add: Add): void {
  const peak = peakUnitsOnDuty(s);
  for (const g of ['I', 'S', 'E', 'R'] as const) {
    const spec = s.grades[g];
    if (!spec.attend || !gradeHasWork(s, g)) continue;
    if (peak === 0) add(`grades.${g}`, `grade ${g} needs attendance but the fleet has no units on duty at any time`);
    else if (spec.unitsRequired > peak) {
      add(`grades.${g}.unitsRequired`, `expected at most ${peak} (the most units ever on duty at once), got ${spec.unitsRequired}`);
    }
  }
}

function gradeHasWork(s: Scenario, g: Grade): boolean {
  return s.demand.streams.some((st) => st.callsPerDay > 0 && (st.gradeMix[g] ?? 0) > 0);
}

function checkArrests(s: Scenario, add: Add): void {
  const arrests = (['I', 'S', 'E', 'R'] as const).some((g) => s.grades[g].attend && s.grades[g].arrestProbability > 0);
  if (!arrests) return;
  if (!s.custodyTime) add('custodyTime', 'required: some grade has arrestProbability > 0');
  if (!s.stations.some((st) => st.custody)) add('stations', 'some grade has arrestProbability > 0 but no station has custody: true');
}

function checkDispatch(s: Scenario, add: Add): void {
  const d = s.dispatch;
  if (d.border === 'bcu' && (!s.areas || Object.keys(s.areas.groups).length === 0)) {
    add('dispatch.border', 'border "bcu" needs areas with groups (BCU id -> area ids)');
  }
  if (d.border === 'area' && !s.areas) add('dispatch.border', 'border "area" needs areas');
  const groups = s.areas?.groups ?? {};
  for (const bcu of Object.keys(d.reserveByBcu ?? {})) {
    if (!Object.hasOwn(groups, bcu)) add(joinPath('dispatch.reserveByBcu', bcu), `unknown BCU "${bcu}" (expected a key of areas.groups)`);
  }
  if (d.divert) {
    const both = d.divert.to.filter((g) => d.divert!.from.includes(g));
    if (both.length > 0) add('dispatch.divert', `a grade cannot be both diverted to and from: ${both.join(', ')}`);
  }
}

/** 1000000 as "1,000,000" (whole numbers; others as they are). */
function grouped(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(x);
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
