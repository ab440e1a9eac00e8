/**
 * Simulated calendar. Simulation time is seconds since the scenario start (MODEL.md); the start
 * is a London local time, a Monday 00:00 unless `start` says otherwise. Clock changes (BST) are
 * not modelled: every day has 24 hours of local time.
 */

export const HOUR_S = 3600;
export const DAY_S = 86400;
export const WEEK_S = 604800;

/** Day of the week of a Gregorian date, Monday = 0 (Sakamoto's method, no Date object). */
export function weekdayMonday0(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const sunday0 = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
  return (sunday0 + 6) % 7;
}

/**
 * Seconds from the Monday 00:00 before the scenario start to the start itself, from
 * `"YYYY-MM-DDTHH:MM[:SS]"`; 0 when there is no start.
 */
export function startOffsetS(start: string | undefined): number {
  if (!start) return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(start);
  if (!m) throw new Error(`start "${start}" is not "YYYY-MM-DDTHH:MM:SS"`);
  const [year, month, day, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  return weekdayMonday0(year!, month!, day!) * DAY_S + hh! * HOUR_S + mm! * 60 + ss!;
}

/** x mod m in [0, m), also for negative x. */
export function modulo(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

/** Hour of day 0..23 (local) at simulation time `tS`. */
export function hourOfDay(tS: number, offsetS: number): number {
  return Math.floor(modulo(tS + offsetS, DAY_S) / HOUR_S);
}

/** Day of week 0..6, Monday = 0, at simulation time `tS`. */
export function dayOfWeek(tS: number, offsetS: number): number {
  return Math.floor(modulo(tS + offsetS, WEEK_S) / DAY_S);
}

/** Seconds since local midnight of `"HH:MM"`. */
export function secondsOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * HOUR_S + Number(hhmm.slice(3, 5)) * 60;
}

/** Is a shift starting at `startOfDayS` lasting `durationS` on at simulation time `tS`? */
export function shiftActive(tS: number, offsetS: number, startOfDayS: number, durationS: number): boolean {
  return modulo(tS + offsetS - startOfDayS, DAY_S) < durationS;
}

/** The first simulation time > `afterS` at which local time of day is `secondOfDayS`. */
export function nextTimeOfDay(afterS: number, offsetS: number, secondOfDayS: number): number {
  const local = afterS + offsetS;
  let t = local - modulo(local, DAY_S) + secondOfDayS;
  while (t <= local) t += DAY_S;
  return t - offsetS;
}
